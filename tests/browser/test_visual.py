"""Visual traps, measured in the browser (issue #13, point 6).

What the "Visual traps" CSS in overrides/assets/stylesheets/overrides.css
holds, in both languages, in the light and the dark scheme, at desktop width
(1280x800) and on a phone (375x740):

- the mode tabs' labels (which Material wraps in links) are not underlined
  like links, and the selected one is marked by more than its colour;
- a link's underline runs clear below an underscore, so that `get_variable`
  never reads "get variable" (measured in pixels, from screenshots);
- no table is cut off at 1280 px: the cheat sheet's six columns show whole;
- on a phone every mode tab label is on screen (none hidden behind a scroll
  arrow), and axe-core finds nothing serious on any page at 375 px;
- a tab label reached with the keyboard shows a focus ring of at least 3:1
  against the page.

Screenshots of these spots go to .screenshots/visual-*.png for review.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from browser import DESKTOP, PAGES, PHONE, SCREENSHOTS, Tab, js, switch_scheme
from built_site import Served
from pages import DOCS, LANGUAGES

VIEWPORTS = {'desktop': DESKTOP, 'phone': PHONE}
SCHEMES = ('light', 'dark')
# The page whose first tab set has the most labels (five).
WIDEST_TABS = Path('tf2/eager-and-tf-function.md')
# The pages with mode tabs, by their Markdown: a line `=== "label"`.
TABBED_PAGES = [
    (lang, page)
    for lang, page in PAGES
    if page.suffix == '.md' and any(line.lstrip().startswith('=== "') for line in (DOCS / lang / page).read_text('utf-8').splitlines())
]
CHEATSHEET = Path('cheatsheet.md')
# A page with a table, by its Markdown: a line that starts with '|'.
TABLE_PAGES = [
    (lang, page) for lang, page in PAGES if page.suffix == '.md' and any(line.startswith('|') for line in (DOCS / lang / page).read_text('utf-8').splitlines())
]


def open_page(tab: Tab, served: Served, lang: str, page: Path, viewport: str, scheme: str) -> None:
    """Load a page in a colour scheme, then size the tab to the viewport."""
    tab.page.set_viewport_size(DESKTOP)
    tab.open(served.path(lang, page), settle=False)
    if scheme == 'dark':
        switch_scheme(tab)
    if viewport != 'desktop':
        tab.page.set_viewport_size(VIEWPORTS[viewport])
        tab.page.evaluate(js('settled'))


def where(lang: str, page: Path, viewport: str, scheme: str) -> str:
    return f'docs/{lang}/{page} at {VIEWPORTS[viewport]["width"]} px, {scheme} scheme'


def screenshot(tab: Tab, name: str, selector: str) -> None:
    """The element, as the reader sees it, in .screenshots/visual-<name>.png."""
    SCREENSHOTS.mkdir(exist_ok=True)
    element = tab.page.locator(selector).first
    element.scroll_into_view_if_needed()
    element.screenshot(path=SCREENSHOTS / f'visual-{name}.png', animations='disabled')


# --- mode tabs ------------------------------------------------------------------

# Each tab set of the article: how its row of labels fits, whether Material's
# scroll arrows show, and for each label its box, whether it (or anything
# between it and the set) is underlined, whether its link has a colour of its
# own, and the contrast of what marks the selected one: its bottom border, or
# Material's bar under the row when it lies under this label (0: none).
TAB_LABELS = js('tab_labels')


def tab_label_problems(tab: Tab) -> list[str]:
    problems = []
    for number, tab_set in enumerate(tab.page.evaluate(TAB_LABELS), 1):
        name = f'tab set {number} ({" | ".join(label["text"] for label in tab_set["labels"])})'
        if tab_set['scrolls'] or tab_set['arrows']:
            problems.append(f'{name}: its labels do not fit their row: they scroll sideways ({tab_set["arrows"]} scroll arrow(s) showing)')
        for label in tab_set['labels']:
            if label['left'] < 0 or label['right'] > tab_set['width'] or not label['inRow']:
                problems.append(f'{name}: the label "{label["text"]}" is not on screen (x {label["left"]:.0f} to {label["right"]:.0f})')
            if label['underlined']:
                problems.append(f'{name}: the label "{label["text"]}" is underlined like a link (on {", ".join(label["underlined"])})')
            if label['linkColoured']:
                problems.append(f'{name}: the label "{label["text"]}" has the colour of a link')
            if label['checked'] and max(label['border'], label['bar']) < 3:
                problems.append(
                    f'{name}: the selected label "{label["text"]}" is marked by its colour only: neither its bottom border '
                    f"({label['border']:.2f}:1) nor Material's bar under it ({label['bar']:.2f}:1) shows at 3:1 against the page"
                )
            if not label['checked'] and label['border']:
                problems.append(f'{name}: the label "{label["text"]}" is not selected but has the selected one\'s bottom border')
    return problems


@pytest.mark.parametrize(('lang', 'page'), TABBED_PAGES, ids=[f'{lang}/{page.as_posix()}' for lang, page in TABBED_PAGES])
def test_mode_tab_labels_are_tabs_on_screen_not_links(tab: Tab, served: Served, lang: str, page: Path) -> None:
    """Every label of every tab set is on screen at once (no scrolling row
    behind an arrow), not underlined nor coloured like a link, and the
    selected one has a bottom border, not only another colour: at 1280 px
    and at 375 px, light and dark (one load: resized, then switched)."""
    assert (lang, WIDEST_TABS) in TABBED_PAGES, f'docs/{lang}/{WIDEST_TABS} has no mode tabs any more: set WIDEST_TABS'
    problems = []
    open_page(tab, served, lang, page, 'desktop', 'light')
    for viewport, scheme in (('desktop', 'light'), ('desktop', 'dark'), ('phone', 'dark'), ('phone', 'light')):
        if tab.page.viewport_size != VIEWPORTS[viewport]:
            tab.page.set_viewport_size(VIEWPORTS[viewport])
            tab.page.evaluate(js('settled'))  # Material slides its bar under the label on resize
        if (tab.page.evaluate('document.body.dataset.mdColorScheme') == 'slate') != (scheme == 'dark'):
            switch_scheme(tab)
        problems += [f'{where(lang, page, viewport, scheme)}: {line}' for line in tab_label_problems(tab)]
        if page == WIDEST_TABS:
            screenshot(tab, f'{lang}-tabs-{viewport}-{scheme}', 'article .tabbed-set')
    assert not problems, '\n'.join(problems)


# The checked input of the article's first tab set, and the last element
# before it that the Tab key stops at: focus that, then press Tab.
BEFORE_FIRST_TAB_SET = js('before_first_tab_set')
# The focus ring of the label of the focused input.
FOCUS_RING = js('focus_ring')


def focus_ring_problems(ring: dict, expected: str) -> list[str]:
    if ring['focused'] != expected:
        return [f'the keyboard focus went to #{ring["focused"]}, not to the tab #{expected}']
    problems = []
    if ring['width'] < 2 or ring['contrast'] < 3:
        problems.append(
            f'the label "{ring["label"]}", focused with the keyboard, has no focus ring of 2 px at 3:1 against the page '
            f'(outline {ring["width"]:g} px, {ring["contrast"]:.2f}:1)'
        )
    if ring['others']:
        problems.append(f'{ring["others"]} other label(s) of the set have a ring while "{ring["label"]}" is focused')
    return problems


@pytest.mark.parametrize('scheme', SCHEMES)
@pytest.mark.parametrize('viewport', VIEWPORTS)
@pytest.mark.parametrize('lang', LANGUAGES)
def test_tab_label_reached_by_keyboard_shows_a_focus_ring(tab: Tab, served: Served, lang: str, viewport: str, scheme: str) -> None:
    """Tab into the first tab set, then the right arrow to the next tab: the
    focused tab's label has a ring of at least 2 px and 3:1, and only it."""
    page = WIDEST_TABS
    open_page(tab, served, lang, page, viewport, scheme)
    first = tab.page.evaluate(BEFORE_FIRST_TAB_SET)
    tab.page.keyboard.press('Tab')
    problems = focus_ring_problems(tab.page.evaluate(FOCUS_RING), first)
    screenshot(tab, f'{lang}-tab-focus-{viewport}-{scheme}', 'article .tabbed-set')
    tab.page.keyboard.press('ArrowRight')  # the next tab of the set: focused and selected
    second = tab.page.evaluate('id => document.getElementById(id).nextElementSibling.id', first)
    problems += focus_ring_problems(tab.page.evaluate(FOCUS_RING), second)
    assert not problems, f'{where(lang, page, viewport, scheme)}:\n  ' + '\n  '.join(problems)


# --- underlines and underscores ---------------------------------------------------

# The first link of the article whose text has an underscore, of a kind:
# running text, code in running text, code in a table. Its underscores are
# wrapped in spans (which changes nothing drawn), and the box to photograph
# is returned: the first underscore's line, 20 px either side.
PROBE_LINK = js('probe_link')
# Restyle the probed link for one photograph: as drawn, without its
# underline, or its text hidden but for the underscores, or all of it. Inline
# styles, which the pages' Content-Security-Policy allows (a <style> it does
# not); no transitions, so that each photograph shows the style at once.
RESTYLE = js('restyle')
# The rows of pixels where two photographs of the same box differ.
DIFFERING_ROWS = js('differing_rows')

UNDERSCORE_PAGES = {'text': Path('index.md'), 'code': Path('guide/power-tools.md'), 'table': Path('errors.md')}


@pytest.mark.parametrize('scheme', SCHEMES)
@pytest.mark.parametrize('kind', UNDERSCORE_PAGES)
@pytest.mark.parametrize('lang', LANGUAGES)
def test_link_underline_runs_clear_below_underscores(tab: Tab, served: Served, lang: str, kind: str, scheme: str) -> None:
    """Photographed at 1280 px: the link's underline (the pixels that change
    when it is taken away) lies below its underscores (the pixels that change
    when only they are drawn), with at least one clear row of pixels between,
    so that `get_variable` does not read "get variable"."""
    page = UNDERSCORE_PAGES[kind]
    open_page(tab, served, lang, page, 'desktop', scheme)
    probe = tab.page.evaluate(PROBE_LINK, kind)
    assert probe, f'docs/{lang}/{page} has no link with an underscore in {kind}: pick another page in UNDERSCORE_PAGES'
    context = f'{where(lang, page, "desktop", scheme)}: the link "{probe["text"]}"'
    assert 'underline' in probe['underline'], f'{context} is not underlined: links in text need more than colour (axe link-in-text-block)'

    def photograph(mode: str) -> str:
        tab.page.evaluate(RESTYLE, mode)
        return base64.b64encode(tab.page.screenshot(clip=probe['clip'], animations='disabled')).decode()

    underline = tab.page.evaluate(DIFFERING_ROWS, [photograph('drawn'), photograph('no underline')])
    underscores = tab.page.evaluate(DIFFERING_ROWS, [photograph('underscores'), photograph('no text')])
    photograph('drawn')
    screenshot(tab, f'{lang}-underscore-{kind}-{scheme}', 'xpath=//a[@data-probe]/ancestor::*[self::p or self::td or self::li][1]')
    assert underline and underscores, f'{context}: the underline ({underline}) or the underscores ({underscores}) could not be found in the screenshots'
    assert min(underline) > max(underscores) + 1, (
        f'{context}: its underline (pixel rows {underline}) touches or crosses its underscores (rows {underscores}): the underscores do not show'
    )


# --- tables -------------------------------------------------------------------------

# Each table of the article: its width and the width shown of it and of the
# box that scrolls it, and how far it reaches past the screen's right edge.
TABLES = js('tables')


@pytest.mark.parametrize(('lang', 'page'), TABLE_PAGES, ids=[f'{lang}/{page.as_posix()}' for lang, page in TABLE_PAGES])
def test_tables_show_whole_at_1280(tab: Tab, served: Served, lang: str, page: Path) -> None:
    """At 1280 px no table scrolls sideways or runs off the screen: every
    column of the cheat sheet shows."""
    assert (lang, CHEATSHEET) in TABLE_PAGES, 'the cheat sheet has no table any more: this test looks at nothing'
    open_page(tab, served, lang, page, 'desktop', 'light')
    tables = tab.page.evaluate(TABLES)
    if page == CHEATSHEET:
        SCREENSHOTS.mkdir(exist_ok=True)
        tab.page.screenshot(path=SCREENSHOTS / f'visual-{lang}-cheatsheet-desktop-light.png', full_page=True)
    problems = [
        f'the table "{table["head"][:60]}" is cut: {max(table["hidden"], table["past"]):.0f} px of it are out of sight'
        for table in tables
        if table['hidden'] > 1 or table['past'] > 1
    ]
    assert not problems, f'docs/{lang}/{page} at {DESKTOP["width"]} px:\n  ' + '\n  '.join(problems)


# axe-core at 375 px, on every page: test_pages.py.
