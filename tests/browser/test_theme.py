"""The theme, checked once: on the fewest pages of the site that together
hold every kind of element it has (tests/cover.py computes
them from the built HTML: tab sets, tables, admonitions, outputs, notebook
cells, code in links, every kind of code token, ...).

Colours and widths are the theme's, the same for every element of a kind on
every page; test_pages.py checks every page in the light scheme at 1280 px.
Here, on each page of the cover, with every tab's block shown, axe-core's
serious and critical violations in the rest of the matrix, the colour rules
on the first three elements of each kind that the page brings to the cover
(and, on the first page of each language, on its chrome: all but the
article, the same on every page of the language):

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

import re
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
    show_as,
    show_every_tab_block,
    tab_label_problems,
)
from built_site import Served, build, serve
from cover import Kind, chrome, cover, page_kinds
from pages import DEFAULT_LANGUAGE

# (scheme, viewport, the axe-core rules to run, whether to check the tab labels)
MATRIX = [
    ('light', DESKTOP, COLOUR_RULES, False),
    ('dark', DESKTOP, COLOUR_RULES, True),
    ('dark', PHONE, COLOUR_RULES, True),
    ('light', PHONE, LAYOUT_RULES, False),
]


def violations(tab: Tab, rules: list[str], with_chrome: bool) -> list[str]:
    """The colour rules on the marked elements, and with `with_chrome` on all
    but the article; the other rules on the whole page."""
    colours = [rule for rule in rules if rule in COLOUR_RULES]
    others = [rule for rule in rules if rule not in COLOUR_RULES]
    found = axe_violations(tab.page, only=colours, include=['[data-cover]'])
    if with_chrome:
        found += axe_violations(tab.page, only=colours, exclude='article')
    return found + (axe_violations(tab.page, only=others) if others else [])


def theme_problems(tab: Tab, with_chrome: bool) -> list[str]:
    """Go through the matrix on the page open in `tab` (light, 1280 px);
    each problem with its scheme and width. The chrome (header, navigation,
    footer) is the same on every page of a language: with `with_chrome`, check it too."""
    problems = []
    for scheme, viewport, rules, labels in MATRIX:
        show_as(tab, scheme, viewport)
        where = f'{scheme} scheme at {viewport["width"]} px'
        found = [f'accessibility: {line}' for line in violations(tab, rules, with_chrome)]
        if labels:
            found += tab_label_problems(tab)
        problems += [f'{where}, {line}' for line in found]
    return problems


def cover_page_problems(tab: Tab, served: Served, lang: str, page: Path, kinds: set[Kind]) -> list[str]:
    """Load a page of the cover and go through the matrix on it, on the
    elements of the kinds it brings; each problem names the page."""
    tab.page.set_viewport_size(DESKTOP)
    tab.open(served.path(lang, page), settle=False)
    show_every_tab_block(tab)
    elements = sorted(kind for kind in kinds if kind != chrome(lang))
    marked = tab.page.evaluate(js('mark_kinds'), [kind.selector for kind in elements])
    problems = [f'docs/{lang}/{page}: no element of the kind {kind} holds text in the browser' for kind, n in zip(elements, marked) if not n]
    brought = ', '.join(map(str, sorted(kinds)[:4])) + (f' and {len(kinds) - 4} more' if len(kinds) > 4 else '')
    return problems + [f'docs/{lang}/{page} (in the cover for {brought}), {line}' for line in theme_problems(tab, with_chrome=chrome(lang) in kinds)]


def test_the_theme_on_pages_that_hold_every_kind_of_element(tab: Tab, served: Served, site: Path) -> None:
    chosen = cover(site)
    assert chosen, 'no page has any element: nothing to check'
    problems = [line for lang, page, kinds in chosen for line in cover_page_problems(tab, served, lang, page, kinds)]
    assert not problems + tab.problems, '\n'.join(problems + tab.problems)


# --- the guard ----------------------------------------------------------------

# A kind of element that one page alone has (a string escape in code,
# `\n`), made nearly invisible in the dark scheme only: the one page has to
# be in the cover, and the matrix has to run there in the dark scheme.
PLANTED_KIND = Kind('code', 'span.se')
PLANTED_CSS = f'\n[data-md-color-scheme="slate"] .md-typeset {PLANTED_KIND.selector} {{ color: #2f3241 !important; }}\n'


@pytest.mark.guards
def test_a_contrast_defect_in_one_kinds_dark_style_is_caught_on_its_page(project_copy: Path, tab: Tab, tmp_path: Path) -> None:
    """The defect planted in a copy's CSS, the copy built and served: the
    page that alone has the kind is in the copy's cover, and the matrix,
    run there as the test above runs it, names the page, the dark scheme
    and the rule, and nothing in the light scheme."""
    with (project_copy / 'docs' / 'assets' / 'extra.css').open('a', encoding='utf-8') as css:
        css.write(PLANTED_CSS)
    built = tmp_path / 'site'
    assert not (problems := build(built, project_copy)), '\n'.join(problems)
    with_kind = [page for page, kinds in page_kinds(built, DEFAULT_LANGUAGE).items() if PLANTED_KIND in kinds]
    assert len(with_kind) == 1, (
        f'the guard needs a kind of element that one page alone has; {PLANTED_KIND} is on {[p.as_posix() for p in with_kind]}: '
        'pick another for PLANTED_KIND (tests/cover.py lists the kinds of a page)'
    )
    page = with_kind[0]
    in_cover = {(lang, cover_page): kinds for lang, cover_page, kinds in cover(built)}
    assert (DEFAULT_LANGUAGE, page) in in_cover, f'docs/{DEFAULT_LANGUAGE}/{page}, the one page with {PLANTED_KIND}, is not in the cover'
    with serve(built) as copy:
        copy_tab = Tab(tab.context, copy)
        try:
            found = cover_page_problems(copy_tab, copy, DEFAULT_LANGUAGE, page, in_cover[DEFAULT_LANGUAGE, page])
        finally:
            copy_tab.close()
    output = '\n'.join(found)
    named = re.search(
        rf'docs/{DEFAULT_LANGUAGE}/{re.escape(page.as_posix())} \(in the cover for [^)]*\), dark scheme at \d+ px, accessibility: color-contrast', output
    )
    assert named, f'the planted defect was not named with docs/{DEFAULT_LANGUAGE}/{page}, the dark scheme and color-contrast:\n{output}'
    assert 'light scheme at' not in output, f'the defect is in the dark scheme only, but the light one failed too:\n{output}'
