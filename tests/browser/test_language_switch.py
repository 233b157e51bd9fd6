"""The language switch keeps the reader's section and marks the language.

overrides/assets/javascripts/language_switch.js and
overrides/partials/alternate.html, in a real browser: following the switch
from a section (by its address, or by scrolling to it) lands on the same
section of the twin page, and the switch marks the page's own language.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import Tab, js
from built_site import Served
from pages import LANGUAGES, language_root

PAGE = Path('guide/reuse.md')
SECTION = 'auto-reuse'


def other(lang: str) -> str:
    return next(language for language in LANGUAGES if language != lang)


def switch_to(tab: Tab, lang: str) -> None:
    tab.page.locator('.md-header .md-select button').hover()
    tab.page.locator(f'.md-select__link[hreflang="{lang}"]').click()
    tab.page.wait_for_url(f'**{language_root(lang)}**')


def section_in_view(tab: Tab, section: str) -> bool:
    return tab.page.evaluate(
        """(id) => { const top = document.getElementById(id).getBoundingClientRect().top
                     return top >= 0 && top < innerHeight / 2 }""",
        section,
    )


@pytest.mark.parametrize('lang', LANGUAGES)
def test_switch_keeps_the_section_of_the_address(tab: Tab, served: Served, lang: str) -> None:
    tab.open(served.path(lang, PAGE) + f'#{SECTION}')
    target = other(lang)
    switch_to(tab, target)
    tab.page.wait_for_load_state()
    assert tab.path() == served.path(target, PAGE), f'docs/{lang}/{PAGE}: the switch led to {tab.path()}'
    assert tab.page.evaluate('location.hash') == f'#{SECTION}', f'docs/{lang}/{PAGE}#{SECTION}: switching to {target} lost the section: {tab.page.url}'
    tab.page.wait_for_function('(id) => document.getElementById(id).getBoundingClientRect().top < innerHeight / 2', arg=SECTION)
    assert section_in_view(tab, SECTION), f'docs/{target}/{PAGE}: #{SECTION} is not in view after the switch'


@pytest.mark.parametrize('lang', LANGUAGES)
def test_switch_keeps_the_section_scrolled_to(tab: Tab, served: Served, lang: str) -> None:
    tab.open(served.path(lang, PAGE))
    # The section being read is the one at the top once the page is laid
    # out: a font that loads after the scroll (late, on a busy machine) moves
    # the text, and with it the section the table of contents marks.
    tab.page.evaluate('() => document.fonts.ready.then(() => true)')
    tab.page.evaluate(js('settled'))
    tab.page.evaluate('(id) => document.getElementById(id).scrollIntoView()', SECTION)
    tab.page.evaluate(js('settled'))
    # Material's table of contents follows the reading position.
    tab.page.wait_for_selector(f'.md-sidebar--secondary .md-nav__link--active[href="#{SECTION}"]')
    switch_to(tab, other(lang))
    assert tab.page.evaluate('location.hash') == f'#{SECTION}', f'docs/{lang}/{PAGE}: scrolled to #{SECTION}, switching languages led to {tab.page.url}'


@pytest.mark.parametrize('lang', LANGUAGES)
def test_switch_marks_the_current_language(tab: Tab, served: Served, lang: str) -> None:
    tab.open(served.path(lang, PAGE), settle=False)
    marked = tab.page.eval_on_selector_all(
        '.md-select__link',
        'links => links.map(link => [link.getAttribute("hreflang"), link.getAttribute("aria-current"), getComputedStyle(link, "::before").content])',
    )
    for hreflang, current, tick in marked:
        if hreflang == lang:
            assert current == 'true' and '✓' in tick, f'docs/{lang}/{PAGE}: the switch does not mark {lang} as the current language'
        else:
            assert current is None and '✓' not in tick, f'docs/{lang}/{PAGE}: the switch marks {hreflang} as current'
