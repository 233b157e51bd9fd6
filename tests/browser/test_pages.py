"""Every page of the site, in both languages, as a reader meets it, in one
visit per page (a page load costs more than all its checks together):

- it loads with no console error, no failed request, nothing from another
  host, its language in <html lang>, and one <h1>;
- a reader can use it: a mode tab switches the tab sets linked to it, the
  copy button copies, search answers; none of it breaks the page's
  Content-Security-Policy, which is in force (a script added to the page is
  refused: hooks/content_security_policy.py);
- axe-core finds no serious or critical violation, in the light and the dark
  scheme, at 1280 px, and at 375 px none of the rules that depend on the
  screen's width (tab rows and tables scroll there, text wraps); the colours
  of code, the theme's on every page, are checked once, in
  test_code_colours.py;
- at 375 px it never scrolls sideways, and code wider than the screen
  scrolls inside its block; at 1280 px no output runs past its block;
- the language switch leads to its twin in the other language.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from browser import (
    COLOUR_RULES,
    DESKTOP,
    LAYOUT_RULES,
    PAGE_IDS,
    PAGES,
    PHONE,
    Tab,
    js,
    phone_layout_problems,
    resize,
    serious_violations,
    switch_scheme,
    wait_until_showing,
)
from built_site import Served
from pages import LANGUAGES

QUERY = 'variable_scope'  # in every language's index


def switch_tabs(tab: Tab) -> list[str]:
    tab_sets = tab.page.locator('article .tabbed-set')
    if not tab_sets.count():
        return []
    label = tab_sets.first.locator(':scope > .tabbed-labels > label').last
    text = label.inner_text().strip()
    label.click()
    wrong = wait_until_showing(tab, text)  # linked tab sets follow (Material's JavaScript)
    return [f'picking the "{text}" tab left these tab sets on another: {wrong}'] if wrong else []


def copy_code(tab: Tab) -> list[str]:
    if tab.page.locator('article pre > code').count():
        tab.page.locator('article pre button.md-code__button[data-md-type="copy"] >> visible=true').first.click()
        words = tab.page.evaluate('() => JSON.parse(document.getElementById("__config").textContent).translations')
        tab.page.wait_for_selector(f'.md-dialog >> text={words["clipboard.copied"]}')
    return []


def search(tab: Tab) -> list[str]:
    tab.settle()
    box = tab.page.locator('input.md-search__input')
    box.fill(QUERY)
    box.press('End')  # Material searches on keyup
    tab.page.wait_for_selector('.md-search-result__item')
    box.fill('')
    box.press('Escape')
    return []


def use_the_page(tab: Tab) -> list[str]:
    """Switch a tab, copy a code block and search, as a reader would; what
    did not work."""
    failed = []
    for what, step in {'the tabs': switch_tabs, 'the copy button': copy_code, f'searching for {QUERY}': search}.items():
        try:
            failed += step(tab)
        except PlaywrightError as error:
            failed.append(f'{what} did not work: {error.message.splitlines()[0]}')
    return failed


def check_language_switch(tab: Tab, served: Served, lang: str, page: Path) -> list[str]:
    problems = []
    path = served.path(lang, page)
    for other in LANGUAGES:
        if other == lang:
            continue
        if tab.path() != path:
            tab.open(path, settle=False)
        tab.page.hover('.md-header .md-select')  # the list of languages opens on hover
        with tab.page.expect_navigation(wait_until='commit'):  # the twin's own test loads it in full
            tab.page.click(f'.md-header a.md-select__link[hreflang="{other}"]')
        twin = served.path(other, page)
        if tab.path() != twin:
            problems.append(f'the "{other}" switch leads to {tab.path()}, not to {twin}')
    return problems


@pytest.mark.parametrize(('lang', 'page'), PAGES, ids=PAGE_IDS)
def test_page_in_a_browser(tab: Tab, served: Served, lang: str, page: Path) -> None:
    path = served.path(lang, page)
    problems = []
    tab.open(path, settle=False)  # the search worker loads its index meanwhile
    html_lang, h1s = tab.page.evaluate('() => [document.documentElement.lang, document.querySelectorAll("h1").length]')
    if html_lang != lang:
        problems.append(f'<html lang="{html_lang}">, not "{lang}"')
    if h1s != 1:
        problems.append(f'{h1s} <h1> elements, not one')
    problems += [f'accessibility: {line}' for line in serious_violations(tab.page, code_colours=False)]

    switch_scheme(tab)  # the dark scheme, at once (no reload)
    problems += [f'accessibility (dark scheme): {line}' for line in serious_violations(tab.page, COLOUR_RULES, code_colours=False)]
    resize(tab, PHONE)
    at_phone = f'at {PHONE["width"]} px'
    problems += [f'{at_phone}: {line}' for line in phone_layout_problems(tab.page)]
    problems += [f'{at_phone}, accessibility (dark scheme): {line}' for line in serious_violations(tab.page, COLOUR_RULES, code_colours=False)]
    switch_scheme(tab)
    problems += [f'{at_phone}, accessibility: {line}' for line in serious_violations(tab.page, LAYOUT_RULES, code_colours=False)]
    resize(tab, DESKTOP)
    problems += use_the_page(tab)

    # Outputs in tabs that are not chosen have no boxes: show every block.
    tab.page.evaluate("() => document.querySelectorAll('.tabbed-block').forEach(block => { block.style.display = 'block' })")
    clipped = tab.page.evaluate(js('clipped_outputs'))
    problems += [f'at {DESKTOP["width"]} px this output runs past the right edge of its block: {line}' for line in dict.fromkeys(clipped)]
    problems += tab.policy_problems()

    tab.settle()  # every request of the page has ended
    problems += check_language_switch(tab, served, lang, page)
    problems = tab.problems + problems
    assert not problems, f'docs/{lang}/{page} ({path}):\n  ' + '\n  '.join(problems)
