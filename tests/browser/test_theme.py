"""The theme, checked once: on the fewest pages of each language that
together hold every kind of element the site has (tests/cover.py computes
them from the built HTML: tab sets, tables, admonitions, outputs, notebook
cells, code in links, every kind of code token, ...).

Colours and widths are the theme's, the same for every element of a kind on
every page; test_pages.py checks every page in the light scheme at 1280 px.
Here, on each page of the cover, with every tab's block shown, axe-core's
serious and critical violations in the rest of the matrix, the colour rules
on the first three elements of each kind that the page brings to the cover
(and, on the first page, on the chrome: all but the article, the same on
every page):

- light at 1280 px: the colours of code blocks (which test_pages.py leaves
  out: checking them costs more than all the rest of a page);
- dark at 1280 px, dark at 375 px: the colour rules, code included;
- light at 375 px: the rules that depend on the width (tab rows and tables
  scroll there, text wraps, targets shrink);

and the mode tabs' labels in the dark scheme at both widths. A failure names
the page, the scheme, the width and the rule, and the kinds that brought the
page into the cover.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import (
    COLOUR_RULES,
    DESKTOP,
    LAYOUT_RULES,
    PHONE,
    Tab,
    axe_violations,
    js,
    resize,
    show_every_tab_block,
    switch_scheme,
    tab_label_problems,
)
from built_site import Served
from cover import cover
from pages import LANGUAGES

# (scheme, viewport, the axe-core rules to run, whether to check the tab labels)
MATRIX = [
    ('light', DESKTOP, COLOUR_RULES, False),
    ('dark', DESKTOP, COLOUR_RULES, True),
    ('dark', PHONE, COLOUR_RULES, True),
    ('light', PHONE, LAYOUT_RULES, False),
]


def violations(tab: Tab, rules: list[str], chrome: bool) -> list[str]:
    """The colour rules on the marked elements, and with `chrome` on all but
    the article; the other rules on the whole page."""
    colours = [rule for rule in rules if rule in COLOUR_RULES]
    others = [rule for rule in rules if rule not in COLOUR_RULES]
    found = axe_violations(tab.page, only=colours, include=['[data-cover]'])
    if chrome:
        found += axe_violations(tab.page, only=colours, exclude='article')
    return found + (axe_violations(tab.page, only=others) if others else [])


def theme_problems(tab: Tab, chrome: bool) -> list[str]:
    """Go through the matrix on the page open in `tab` (light, 1280 px);
    each problem with its scheme and width. The chrome (header, navigation,
    footer) is the same on every page: with `chrome`, check it too."""
    problems = []
    for scheme, viewport, rules, labels in MATRIX:
        if (tab.page.evaluate('() => document.body.dataset.mdColorScheme') == 'slate') != (scheme == 'dark'):
            switch_scheme(tab)
        if tab.page.viewport_size != viewport:
            resize(tab, viewport)
        where = f'{scheme} scheme at {viewport["width"]} px'
        found = [f'accessibility: {line}' for line in violations(tab, rules, chrome)]
        if labels:
            found += tab_label_problems(tab)
        problems += [f'{where}, {line}' for line in found]
    return problems


@pytest.mark.parametrize('lang', LANGUAGES)
def test_the_theme_on_pages_that_hold_every_kind_of_element(tab: Tab, served: Served, site: Path, lang: str) -> None:
    chosen = cover(site, lang)
    assert chosen, f'no {lang} page has any element: nothing to check'
    problems = []
    for number, (page, kinds) in enumerate(chosen):
        tab.page.set_viewport_size(DESKTOP)
        tab.open(served.path(lang, page), settle=False)
        show_every_tab_block(tab)
        kinds = sorted(kinds)
        marked = tab.page.evaluate(js('mark_kinds'), [kind.selector for kind in kinds])
        problems += [f'docs/{lang}/{page}: no element of the kind {kind} holds text in the browser' for kind, n in zip(kinds, marked) if not n]
        brought = ', '.join(map(str, kinds[:4])) + (f' and {len(kinds) - 4} more' if len(kinds) > 4 else '')
        problems += [f'docs/{lang}/{page} (in the cover for {brought}), {line}' for line in theme_problems(tab, chrome=number == 0)]
    assert not problems + tab.problems, '\n'.join(problems + tab.problems)
