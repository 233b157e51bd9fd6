"""The home page starts at once: the way in is on the first screen.

A reader who lands on the home page sees the "Start here" heading and its
first lesson link without scrolling, on a desktop and on a phone, in every
language; on a desktop, the first row of the symptom table too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import DESKTOP, PHONE, js
from built_site import Served
from pages import LANGUAGES

HOME = Path('index.md')

# The bottom edge of the Start here heading, of its first link, and of the
# table's first body row, in page pixels.
BOTTOMS = js('bottoms')


@pytest.mark.parametrize('viewport', ['desktop', 'phone'])
@pytest.mark.parametrize('lang', LANGUAGES)
def test_start_here_is_on_the_first_screen(request: pytest.FixtureRequest, served: Served, lang: str, viewport: str) -> None:
    home, size = (request.getfixturevalue('tab'), DESKTOP) if viewport == 'desktop' else (request.getfixturevalue('phone'), PHONE)
    home.open(served.path(lang, HOME), settle=False)
    bottoms = home.page.evaluate(BOTTOMS)
    if viewport == 'phone':
        del bottoms['row']  # the table starts under the lessons' link, a little lower
    for what, bottom in bottoms.items():
        assert bottom is not None, f'docs/{lang}/index.md: no {what} in the Start here section'
        assert bottom <= size['height'], (
            f'docs/{lang}/index.md on a {viewport} ({size["width"]}x{size["height"]}): the Start here {what} ends {bottom:.0f} px down, below the first screen'
        )
