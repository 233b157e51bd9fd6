"""What a notebook page must be, in a real browser: the checks that
tests/browser/test_pages.py makes on the notebook pages, in their one visit.

examples/<lang>/*.ipynb become pages through mkdocs-jupyter and
hooks/i18n_notebooks.py. On each of them: the table of contents lands on
its headings; an output reads as an output (a tint and a rule of its own,
its text at 7:1 or more, in the light and the dark scheme) and has no copy
button, while code keeps its own; and the page links to Colab, to its source
on GitHub and to its download, and says which TensorFlow printed it.
Screenshots of the first output go to .screenshots/ for review.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from urllib.parse import urljoin

from playwright.sync_api import Error as PlaywrightError

from browser import SCREENSHOTS, Tab, js, switch_scheme
from built_site import Served
from colours import contrast
from pages import mkdocs_config, notebook_source

TOC_LINKS = '.md-sidebar--secondary a.md-nav__link'
COPY_BUTTON = 'button.md-code__button[data-md-type="copy"]'
INPUTS = 'article .jp-InputArea pre'
OUTPUTS = 'article .jp-OutputArea-output pre'

# The text of each table-of-contents link, and what its href leads to: the
# tag and the words (without the ¶ permalink) of the element with that id.
TOC_TARGETS = js('toc_targets')

# Whether the element with the given id shows whole, below the fixed header.
IN_SIGHT = js('in_sight')

# For each output's <code>: its text colour and its background, each blended
# over what lies behind it (rgba), the input's code background, and its rule
# at the left (an inset box-shadow or a left border): colour and width.
OUTPUT_LOOK = js('output_look')


def table_of_contents_problems(tab: Tab) -> list[str]:
    """Each link of the table of contents leads to its heading, and brings it into sight."""
    links = tab.page.evaluate(TOC_TARGETS, TOC_LINKS)
    problems = [] if links else ['the table of contents is empty']
    for n, link in enumerate(links):
        if link['tag'] not in ('H2', 'H3', 'H4', 'H5', 'H6') or link['words'] != link['text']:
            found = f'the {link["tag"]} "{link["words"]}"' if link['tag'] else 'nothing'
            problems.append(f'"{link["text"]}" links to {link["href"]}, where there is {found}')
            continue
        tab.page.locator(TOC_LINKS).nth(n).click()
        try:
            tab.page.wait_for_function(IN_SIGHT, arg=link['href'][1:], timeout=3_000)
        except PlaywrightError:
            problems.append(f'"{link["text"]}" does not bring its heading into sight below the header')
    return problems


def copy_button_problems(tab: Tab) -> list[str]:
    """Code has a copy button, outputs have none."""
    inputs, outputs = tab.page.locator(INPUTS), tab.page.locator(OUTPUTS)
    if not inputs.count() or not outputs.count():
        return ['no code cell with an output to check']
    # Material adds the buttons once the page is loaded: wait for the code's.
    with contextlib.suppress(PlaywrightError):
        tab.page.wait_for_function(
            'selectors => Array.from(document.querySelectorAll(selectors[0])).every(pre => pre.querySelector(selectors[1]))',
            arg=[INPUTS, COPY_BUTTON],
            timeout=5_000,
        )
    without = [inputs.nth(n).inner_text().strip().split('\n')[0] for n in range(inputs.count()) if not inputs.nth(n).locator(COPY_BUTTON).count()]
    with_one = [outputs.nth(n).inner_text().strip().split('\n')[0] for n in range(outputs.count()) if outputs.nth(n).locator(COPY_BUTTON).count()]
    problems = [f'the code starting "{line}" has no copy button' for line in without]
    return problems + [f'the output starting "{line}" has a copy button: it copies no code to run' for line in with_one]


OUTPUT_CONTRAST = 7.0  # text, as the Markdown pages' outputs (WCAG AAA)
RULE_CONTRAST = 3.0  # a rule that marks the output (WCAG 1.4.11, non-text)


def output_look_problems(tab: Tab, lang: str, page: Path) -> list[str]:
    """In the light scheme, then in the dark one (the reader's toggle): every
    output has a background other than the code's, a rule at its left, and
    text at 7:1 or more against its background."""
    problems = []
    for scheme in ('default', 'slate'):
        if scheme == 'slate':
            switch_scheme(tab)  # the reader's toggle; returns once the new colours are drawn
        looks = tab.page.evaluate(OUTPUT_LOOK, [OUTPUTS, INPUTS])
        if not looks:
            problems.append(f'{scheme} scheme: no output to measure')
        for look in looks:
            where = f'{scheme} scheme, the output "{look["text"]}"'
            if (ratio := contrast(look['fg'], look['bg'])) < OUTPUT_CONTRAST:
                problems.append(f'{where}: its text is {ratio:.2f}:1 against its background, under {OUTPUT_CONTRAST}:1')
            if look['bg'] == look['inputBg']:
                problems.append(f'{where}: has the background of the code, {look["bg"]}')
            if look['rule'] is None:
                problems.append(f'{where}: has no rule at its left')
            elif (ratio := contrast(look['rule']['color'], look['bg'])) < RULE_CONTRAST:
                problems.append(f'{where}: its rule is {ratio:.2f}:1 against its background, under {RULE_CONTRAST}:1')
        SCREENSHOTS.mkdir(exist_ok=True)
        first = tab.page.locator(OUTPUTS).first
        first.scroll_into_view_if_needed()
        tab.page.screenshot(path=SCREENSHOTS / f'{lang}-notebook-{page.stem}-{scheme}.png')
    return problems


def link_problems(tab: Tab, served: Served, lang: str, page: Path) -> list[str]:
    """Visible links to Colab, GitHub and the download (which gives the
    notebook), and the note that says which TensorFlow printed the outputs."""
    extra = mkdocs_config()['extra']
    repository = extra['repository'].rstrip('/')
    path = f'blob/main/{notebook_source(lang, page).as_posix()}'
    wanted = {
        'Colab': f'https://colab.research.google.com/github/{repository.removeprefix("https://github.com/")}/{path}',
        'GitHub': f'{repository}/{path}',
        'download': urljoin(served.base + served.path(lang, page), page.name),  # in the page's folder
    }
    links = tab.page.locator('article .notebook-links a')
    shown = {links.nth(n).evaluate('a => a.href'): links.nth(n).is_visible() for n in range(links.count())}
    problems = [f'no visible {name} link to {href} (links: {list(shown)})' for name, href in wanted.items() if not shown.get(href)]
    if wanted['download'] in shown:
        status, cells = tab.page.evaluate(
            'href => fetch(href).then(r => r.ok ? r.json().then(nb => [r.status, nb.cells.length]) : [r.status, 0])', wanted['download']
        )
        if status != 200 or not cells:
            problems.append(f'the download link {wanted["download"]} gives HTTP {status}, {cells} cells')
    note = tab.page.locator('article .notebook-version')
    if not note.count() or not note.is_visible() or extra['tensorflow_version'] not in note.inner_text():
        problems.append(f'no visible note that TensorFlow {extra["tensorflow_version"]} printed the outputs')
    return problems


def notebook_problems(tab: Tab, served: Served, lang: str, page: Path) -> list[str]:
    """Everything above, on the notebook page open in `tab` (light, at
    1280 px); it is left in the dark scheme."""
    problems = link_problems(tab, served, lang, page) + copy_button_problems(tab) + table_of_contents_problems(tab)
    return problems + output_look_problems(tab, lang, page)
