"""Visual traps, measured in the browser, in both languages, in the light and
the dark scheme: what the "Visual traps" CSS in
overrides/assets/stylesheets/overrides.css holds, where it is the theme's
(the same on every page), so on one page each:

- a link's underline runs clear below an underscore, so that `get_variable`
  never reads "get variable" (measured in pixels, from screenshots), in
  running text, in code and in a table;
- a tab label reached with the keyboard shows a focus ring of at least 3:1
  against the page, at 1280 and at 375 px.

What varies by page is checked on every page (test_pages.py: the mode tabs'
labels on screen and unlike links, tables whole at 1280 px) or on the pages
that cover every kind of element (test_theme.py: the same in the dark
scheme). Screenshots of these spots go to .screenshots/visual-*.png for review.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from browser import DESKTOP, PHONE, SCREENSHOTS, Tab, js, show_as, switch_scheme
from built_site import Served
from pages import LANGUAGES

# The page whose first tab set has the most labels (five).
WIDEST_TABS = Path('tf2/eager-and-tf-function.md')


def screenshot(tab: Tab, name: str, selector: str) -> None:
    """The element, as the reader sees it, in .screenshots/visual-<name>.png."""
    SCREENSHOTS.mkdir(exist_ok=True)
    element = tab.page.locator(selector).first
    element.scroll_into_view_if_needed()
    element.screenshot(path=SCREENSHOTS / f'visual-{name}.png', animations='disabled')


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


@pytest.mark.parametrize('lang', LANGUAGES)
def test_tab_label_reached_by_keyboard_shows_a_focus_ring(tab: Tab, served: Served, lang: str) -> None:
    """Tab into the first tab set, then the right arrow to the next tab: the
    focused tab's label has a ring of at least 2 px and 3:1, and only it; at
    1280 and 375 px, light and dark (one load: switched, then resized)."""
    page = WIDEST_TABS
    tab.open(served.path(lang, page), settle=False)
    problems = []
    for viewport, scheme in (('desktop', 'light'), ('desktop', 'dark'), ('phone', 'dark'), ('phone', 'light')):
        size = DESKTOP if viewport == 'desktop' else PHONE
        show_as(tab, scheme, size)
        where = f'at {size["width"]} px, {scheme} scheme'
        first = tab.page.evaluate(BEFORE_FIRST_TAB_SET)
        tab.page.keyboard.press('Tab')
        problems += [f'{where}: {line}' for line in focus_ring_problems(tab.page.evaluate(FOCUS_RING), first)]
        screenshot(tab, f'{lang}-tab-focus-{viewport}-{scheme}', 'article .tabbed-set')
        tab.page.keyboard.press('ArrowRight')  # the next tab of the set: focused and selected
        second = tab.page.evaluate('id => document.getElementById(id).nextElementSibling.id', first)
        problems += [f'{where}: {line}' for line in focus_ring_problems(tab.page.evaluate(FOCUS_RING), second)]
        tab.page.keyboard.press('ArrowLeft')  # back to the first tab, for the next round
    assert not problems, f'docs/{lang}/{page}:\n  ' + '\n  '.join(problems)


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


@pytest.mark.parametrize('kind', UNDERSCORE_PAGES)
@pytest.mark.parametrize('lang', LANGUAGES)
def test_link_underline_runs_clear_below_underscores(tab: Tab, served: Served, lang: str, kind: str) -> None:
    """Photographed at 1280 px, light then dark: the link's underline (the
    pixels that change when it is taken away) lies below its underscores (the
    pixels that change when only they are drawn), with at least one clear row
    of pixels between, so that `get_variable` does not read "get variable"."""
    page = UNDERSCORE_PAGES[kind]
    tab.open(served.path(lang, page), settle=False)
    probe = tab.page.evaluate(PROBE_LINK, kind)
    assert probe, f'docs/{lang}/{page} has no link with an underscore in {kind}: pick another page in UNDERSCORE_PAGES'

    def photograph(mode: str) -> str:
        tab.page.evaluate(RESTYLE, mode)
        return base64.b64encode(tab.page.screenshot(clip=probe['clip'], animations='disabled')).decode()

    problems = []
    for scheme in ('light', 'dark'):
        if scheme == 'dark':
            switch_scheme(tab)
        context = f'docs/{lang}/{page} at {DESKTOP["width"]} px, {scheme} scheme: the link "{probe["text"]}"'
        if 'underline' not in probe['underline']:
            problems.append(f'{context} is not underlined: links in text need more than colour (axe link-in-text-block)')
            continue
        underline = tab.page.evaluate(DIFFERING_ROWS, [photograph('drawn'), photograph('no underline')])
        underscores = tab.page.evaluate(DIFFERING_ROWS, [photograph('underscores'), photograph('no text')])
        photograph('drawn')
        screenshot(tab, f'{lang}-underscore-{kind}-{scheme}', 'xpath=//a[@data-probe]/ancestor::*[self::p or self::td or self::li][1]')
        if not underline or not underscores:
            problems.append(f'{context}: the underline ({underline}) or the underscores ({underscores}) could not be found in the screenshots')
        elif min(underline) <= max(underscores) + 1:
            problems.append(
                f'{context}: its underline (pixel rows {underline}) touches or crosses its underscores (rows {underscores}): the underscores do not show'
            )
    assert not problems, '\n'.join(problems)
