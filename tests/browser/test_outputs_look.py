"""Outputs read as outputs: legible, and whole.

hooks/shown_outputs.py marks what a block shows as printed (its `#>` lines
and triple-quoted blocks: tests/test_site.py checks that every one is marked)
and the "Outputs" CSS gives it a look of its own. Here, in the browser: the
marked text is at least 7:1 against its background in both colour schemes,
unlike code and comments. (No output runs past the right edge of its block,
at 1280 and 375 px: every page, test_pages.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import Tab, js, switch_scheme
from built_site import Served
from colours import channels, contrast
from pages import LANGUAGES

ERRORS_PAGE = Path('errors.md')

# The colours an output is drawn in, and those of plain code beside it.
COLOURS = js('colours')


@pytest.mark.parametrize('lang', LANGUAGES)
def test_outputs_are_at_least_7_to_1_and_unlike_code(tab: Tab, served: Served, lang: str) -> None:
    """In the light scheme, then in the dark one (the reader's toggle)."""
    tab.open(served.path(lang, ERRORS_PAGE), settle=False)
    problems = []
    for scheme in ('light', 'dark'):
        if scheme == 'dark':
            switch_scheme(tab)
        colours = tab.page.evaluate(COLOURS)
        (fg, bg), (_, code_bg) = colours['output'], colours['code']
        where = f'docs/{lang}/{ERRORS_PAGE}, {scheme} scheme'
        if (ratio := contrast(channels(fg), channels(bg))) < 7:
            problems.append(f'{where}: output text {fg} on {bg} is {ratio:.2f}:1, under 7:1')
        if bg == code_bg:
            problems.append(f'{where}: outputs have the background of code ({bg})')
        if fg == colours['comment']:
            problems.append(f'{where}: outputs are drawn like comments ({fg})')
    problems += tab.problems
    assert not problems, '\n'.join(problems)
