"""Outputs read as outputs: marked, legible, and whole.

hooks/shown_outputs.py marks what a block shows as printed (its `#>` lines
and triple-quoted blocks) and the "Outputs" CSS gives it a look of its own.
Here: every shown output line of every page is marked and nothing else is;
in the browser the marked text is at least 7:1 against its background in
both colour schemes, and no output runs past the right edge of its block, at
desktop and at phone width.
"""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser import PHONE, Tab, js
from built_site import Served, built_page
from colours import channels, contrast
from pages import DOCS, LANGUAGES, fences, pages, shown_output_lines

# The pages whose blocks show outputs, in every language.
PAGES = [
    (lang, page)
    for lang in LANGUAGES
    for page in pages(lang)
    if any(shown_output_lines(fence.code) for fence in fences(DOCS / lang / page) if 'py' in fence.info)
]
PAGE_IDS = [f'{lang}/{page.as_posix()}' for lang, page in PAGES]


@pytest.mark.parametrize(('lang', 'page'), PAGES, ids=PAGE_IDS)
def test_every_shown_output_is_marked_as_output(site: Path, lang: str, page: Path) -> None:
    html = BeautifulSoup(built_page(site, lang, page).read_text('utf-8'), 'html.parser')
    marked = [unescape(span.get_text()).strip() for span in html.select('article .highlight .go')]
    expected = [line for fence in fences(DOCS / lang / page) if 'py' in fence.info for line in shown_output_lines(fence.code)]
    if marked != expected:
        missed = [line for line in expected if line not in marked]
        extra = [line for line in marked if line not in expected]
        pytest.fail(
            f'docs/{lang}/{page}: the built page marks {len(marked)} lines as output, the page shows {len(expected)}.\n'
            f'not marked: {missed[:5]}\nmarked but not an output: {extra[:5]}\n'
            '(hooks/shown_outputs.py marks `#>` lines and triple-quoted blocks whose quotes stand alone on their lines)',
            pytrace=False,
        )


ERRORS_PAGE = Path('errors.md')

# The colours an output is drawn in, and those of plain code beside it.
COLOURS = js('colours')


@pytest.mark.parametrize('scheme', ['default', 'slate'])
@pytest.mark.parametrize('lang', LANGUAGES)
def test_outputs_are_at_least_7_to_1_and_unlike_code(tab: Tab, served: Served, lang: str, scheme: str) -> None:
    tab.open(served.path(lang, ERRORS_PAGE))
    tab.page.evaluate(f'document.body.setAttribute("data-md-color-scheme", "{scheme}")')
    colours = tab.page.evaluate(COLOURS)
    (fg, bg), (_, code_bg) = colours['output'], colours['code']
    ratio = contrast(channels(fg), channels(bg))
    assert ratio >= 7, f'docs/{lang}/{ERRORS_PAGE}, {scheme} scheme: output text {fg} on {bg} is {ratio:.2f}:1, under 7:1'
    assert bg != code_bg, f'docs/{lang}/{ERRORS_PAGE}, {scheme} scheme: outputs have the background of code ({bg})'
    assert fg != colours['comment'], f'docs/{lang}/{ERRORS_PAGE}, {scheme} scheme: outputs are drawn like comments ({fg})'
    assert not tab.problems, '\n'.join(tab.problems)


# Every page's outputs at 1280 px: test_pages.py (js/clipped_outputs.js).


@pytest.mark.parametrize('lang', LANGUAGES)
def test_long_outputs_wrap_on_a_phone(small_screen, served: Served, lang: str) -> None:
    phone = Tab(small_screen, served)
    try:
        phone.open(served.path(lang, ERRORS_PAGE), settle=False)
        clipped = phone.page.evaluate(js('clipped_outputs'))
        assert not clipped, f'docs/{lang}/{ERRORS_PAGE} at {PHONE["width"]} px: these outputs run past the right edge:\n' + '\n'.join(clipped)
    finally:
        phone.close()
