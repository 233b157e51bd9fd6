"""Every page of the site, in both languages, as a reader meets it, in one
visit per page (a page load costs more than all its checks together). What
is checked here is what varies from page to page, its content:

- it loads with no console error, no failed request, nothing from another
  host, its language in <html lang>, and one <h1>; its Content-Security-Policy
  is in force (a script added to the page is refused:
  hooks/content_security_policy.py) and nothing on it breaks the policy;
- axe-core finds no serious or critical violation in the light scheme at
  1280 px (the colours of the chrome and of code blocks aside, which are
  the theme's: test_theme.py checks those);
- at 1280 and 375 px no output runs past its block; at 1280 px no table is cut;
- the mode tabs' labels are on screen, and unlike links, at 1280 and 375 px;
- at 375 px it never scrolls sideways, and code wider than the screen
  scrolls inside its block;
- the language switch leads to its twin in the other language;
- a notebook page's own features: its table of contents, copy buttons only
  on code, outputs that read as outputs, its links to Colab, GitHub and the
  download (tests/browser/notebook_pages.py).

The theme, the same on every page that has the same kinds of elements, is
checked on the fewest pages that hold every kind (test_theme.py: the dark
scheme, and axe-core at 375 px); the reader's features (tabs that follow
the reader, the copy button, search) once per language (test_reader.py,
test_search.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import (
    DESKTOP,
    PAGE_IDS,
    PAGES,
    PHONE,
    Tab,
    content_violations,
    cut_tables,
    js,
    phone_layout_problems,
    resize,
    show_every_tab_block,
    tab_label_problems,
)
from browser.notebook_pages import notebook_problems
from built_site import Served
from pages import LANGUAGES


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
    problems += [f'accessibility: {line}' for line in content_violations(tab.page)]
    at_desktop = f'at {DESKTOP["width"]} px'
    problems += [f'{at_desktop}: {line}' for line in cut_tables(tab) + tab_label_problems(tab)]

    show_every_tab_block(tab)
    clipped = tab.page.evaluate(js('clipped_outputs'))
    problems += [f'{at_desktop} this output runs past the right edge of its block: {line}' for line in dict.fromkeys(clipped)]
    problems += tab.policy_problems()
    if page.suffix == '.ipynb':  # its table of contents, copy buttons, outputs (light, then dark) and links
        problems += notebook_problems(tab, served, lang, page)

    resize(tab, PHONE)
    at_phone = f'at {PHONE["width"]} px'
    problems += [f'{at_phone}: {line}' for line in phone_layout_problems(tab.page) + tab_label_problems(tab)]
    clipped = tab.page.evaluate(js('clipped_outputs'))  # long outputs wrap
    problems += [f'{at_phone} this output runs past the right edge of its block: {line}' for line in dict.fromkeys(clipped)]

    tab.settle()  # every request of the page has ended
    problems += check_language_switch(tab, served, lang, page)  # at 375 px, where the switch is in the header too
    problems = tab.problems + problems
    assert not problems, f'docs/{lang}/{page} ({path}):\n  ' + '\n  '.join(problems)
