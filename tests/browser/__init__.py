"""The reader's experience, in a real browser: what the tests in this folder share.

tests/conftest.py builds the site once and serves it on 127.0.0.1; the
fixtures in tests/browser/conftest.py drive Debian's chromium with
Playwright. Here: the browser tab that notes everything that goes wrong while
pages load (`Tab`), the profiles it runs in, and the checks that several
tests run. The JavaScript they run in the pages is in tests/browser/js/.

Waits pass Playwright a function (`() => ...`), never a bare expression:
Playwright evals an expression while it polls, which the pages' policy
(hooks/content_security_policy.py, no 'unsafe-eval') refuses.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from built_site import Served
from pages import ROOT, SITE_PAGE_IDS, SITE_PAGES

DESKTOP = {'width': 1280, 'height': 800}
PHONE = {'width': 375, 'height': 740}
SCREENSHOTS = ROOT / '.screenshots'
JS = Path(__file__).parent / 'js'

PAGES, PAGE_IDS = SITE_PAGES, SITE_PAGE_IDS


@functools.cache
def js(name: str) -> str:
    """A script of tests/browser/js/, for page.evaluate or wait_for_function.
    A line `//#include <name>` stands for that script's text (the contrast
    helpers that several scripts share)."""
    lines = (JS / f'{name}.js').read_text('utf-8').splitlines(keepends=True)
    return ''.join(js(line.split()[1]) if line.startswith('//#include ') else line for line in lines)


# Any URL but the test server's and the ones that fetch nothing.
LEAVES_LOCALHOST = re.compile(r'^(?!(?:https?|wss?)://127\.0\.0\.1[:/]|data:|blob:|about:)')

# The script that Tab.policy_problems() adds to a page, which the policy must
# refuse; Chromium names it by its hash in the console when it does.
PROBE = 'window.__probeRan = true'
PROBE_HASH = 'sha256-' + base64.b64encode(hashlib.sha256(PROBE.encode()).digest()).decode()

# Every page load in a shared profile starts like a first visit: Material
# keeps the colour scheme and the chosen tabs in localStorage.
FORGET = 'try { localStorage.clear(); sessionStorage.clear() } catch (error) {}'


def _abort(route) -> None:
    with contextlib.suppress(PlaywrightError):  # the page is gone already
        route.abort('blockedbyclient')


def new_profile(browser, viewport: dict, remember: bool = False):
    """A browser profile (context) that never reaches past 127.0.0.1; unless
    `remember`, it forgets what pages store, at every page load."""
    context = browser.new_context(viewport=viewport)
    # Playwright's own limit on each wait: far above what any wait takes, so
    # that a page that never gets there fails the test instead of hanging it.
    context.set_default_timeout(60_000)
    context.route(LEAVES_LOCALHOST, _abort)
    if not remember:
        context.add_init_script(FORGET)
    return context


# The tabs open now, in every profile.
OPEN_TABS: list[Tab] = []


class Tab:
    """A browser tab on the served site. It notes everything that goes wrong
    while pages load: console errors (the search worker's too), uncaught
    exceptions, failed requests, HTTP errors, requests that leave 127.0.0.1
    (which the profile also blocks), and every breach of the page's
    Content-Security-Policy (`violations()`), from the first byte on.

    A request that the tab's own next navigation cut short (net::ERR_ABORTED:
    the favicon of a page the test has already left) is no fault of the site,
    and is not noted; a 4xx, a blocked or an outside request still is."""

    def __init__(self, context, served: Served) -> None:
        OPEN_TABS.append(self)  # photographed if the test fails (tests/browser/conftest.py)
        self.context = context
        self.base = served.base
        self.problems: list[str] = []
        # From the start of a navigation away from a page until the next page
        # has loaded, the page being left may see its requests aborted.
        self._navigations = 0
        self._leaving = False
        self.page: Page = context.new_page()
        self.page.add_init_script(js('collect_violations'))
        self.page.on('request', self._request)
        self.page.on('load', self._loaded)
        self.page.on('requestfailed', self._failed)
        self.page.on('response', self._response)
        self.page.on('console', self._console)
        self.page.on('worker', lambda worker: worker.on('console', self._console))
        self.page.on('pageerror', lambda error: self.problems.append(f'uncaught exception: {error}'))
        # After a crash Playwright may wait forever for the page: the test's
        # timeout (tests/browser/conftest.py) ends it, and this names why.
        self.page.on('crash', lambda page: self.problems.append('the page crashed (out of memory?)'))

    def _loaded(self, page) -> None:
        self._leaving = False

    def _request(self, request) -> None:
        if request.is_navigation_request() and request.frame == self.page.main_frame:
            self._navigations += 1
            self._leaving = self._navigations > 1
        if LEAVES_LOCALHOST.match(request.url):
            self.problems.append(f'request leaving 127.0.0.1: {request.url}')

    def _failed(self, request) -> None:
        if LEAVES_LOCALHOST.match(request.url):
            return  # noted when it was made
        # Cut short by the tab's own navigation away from the page. (Which
        # page a request belonged to cannot be told: the search worker of the
        # page being left may report a request after the navigation began.)
        if request.failure == 'net::ERR_ABORTED' and self._leaving:
            return
        self.problems.append(f'request failed: {request.url} ({request.failure})')

    def _response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f'HTTP {response.status}: {response.url}')

    def _console(self, message) -> None:
        if PROBE_HASH in message.text:
            return  # the refusal of the probe script, which is what policy_problems() wants
        if message.type == 'error':
            self.problems.append(f'console error: {message.text}')
        elif 'Content Security Policy' in message.text or 'Content-Security-Policy' in message.text:
            self.problems.append(f'console {message.type}: {message.text}')

    def open(self, path: str, settle: bool = True) -> None:
        """Load a page; with `settle`, also wait until its search index is
        loaded, so that every request the page makes has ended."""
        self.page.goto(self.base + path)
        if settle:
            self.settle()

    def settle(self) -> None:
        """Wait until Material's search says "Type to start searching" (in
        the page's language): its worker has loaded the index."""
        try:
            self.page.wait_for_function(js('search_ready'))
        except PlaywrightError:
            self.problems.append('search never got ready (still "Initializing search")')

    def violations(self) -> list[str]:
        """Each breach of the page's policy so far: what was refused, and where."""
        return self.page.evaluate('() => window.__violations.slice()')

    def policy_problems(self) -> list[str]:
        """Breaches of the page's policy so far, and whether it is in force:
        a script added to the page must be refused."""
        problems = [f'policy violation: {line}' for line in self.violations()]
        if self.page.evaluate(js('policy_probe'), PROBE) is None:
            problems.append('the policy is not in force: a script added to the page ran (no Content-Security-Policy meta?)')
        return problems

    def path(self) -> str:
        return urlsplit(self.page.url).path

    def close(self) -> None:
        OPEN_TABS.remove(self)
        self.page.close()


# --- checks that several tests run -----------------------------------------------

# axe-core, at the release package.json pins (`make install` runs npm ci).
AXE = ROOT / 'node_modules' / 'axe-core' / 'axe.min.js'


@functools.cache
def axe_script() -> str:
    assert AXE.exists(), f'no {AXE.relative_to(ROOT)}: `make install` installs axe-core from package-lock.json (npm ci)'
    return AXE.read_text('utf-8')


# Rules whose result depends on the colour scheme: rerun in the dark scheme.
COLOUR_RULES = ['color-contrast', 'link-in-text-block']
# Rules whose result depends on the width of the screen: rerun at 375 px,
# where tab rows and tables scroll and text wraps (the rest read the DOM,
# which is the same at any width).
LAYOUT_RULES = [*COLOUR_RULES, 'scrollable-region-focusable', 'target-size', 'region', 'meta-viewport']


# How many times axe-core ran in this test process (tests/conftest.py reports
# the total of all processes, for `make bench`).
axe_runs = 0


def axe_violations(
    page: Page, only: list[str] | None = None, disable: list[str] | None = None, include: list[str] | None = None, exclude: str | None = None
) -> list[str]:
    """One axe-core run on the page, or on the elements `include` selects
    less those `exclude` selects: the serious and critical violations, one
    line each."""
    global axe_runs
    axe_runs += 1
    if not page.evaluate('() => typeof axe !== "undefined"'):
        page.evaluate(axe_script())
    options: dict = {'resultTypes': ['violations']}
    if only:
        options['runOnly'] = {'type': 'rule', 'values': only}
    if disable:
        options['rules'] = {rule: {'enabled': False} for rule in disable}
    context = {'include': [[selector] for selector in include or ['html']], 'exclude': [[exclude]] if exclude else []}
    violations = page.evaluate('([context, options]) => axe.run(context, options).then(results => results.violations)', [context, options])
    found = []
    for violation in violations:
        if violation['impact'] in ('serious', 'critical'):
            nodes = violation['nodes']
            where = ', '.join(' '.join(node['target']) for node in nodes[:3]) + (f' and {len(nodes) - 3} more' if len(nodes) > 3 else '')
            found.append(f'{violation["id"]} ({violation["impact"]}): {violation["help"]}: {where}')
    return found


def content_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations in what varies from page
    to page: the colour rules on the article but its code blocks, every
    other rule on the whole page (its title, language, landmarks, ...).

    The colours of the chrome (header, navigation, footer) and of code
    blocks are the theme's, the same on every page, and checking the code's
    costs more than all the rest of a page: test_theme.py checks both, on
    the pages that together hold every kind of element (tests/cover.py)."""
    return axe_violations(page, only=COLOUR_RULES, include=['article'], exclude='.highlight') + axe_violations(page, disable=COLOUR_RULES)


def phone_layout_problems(page: Page) -> list[str]:
    """At 375 px a page never scrolls sideways, and code wider than the
    screen scrolls inside its own block."""
    layout = page.evaluate(js('phone_layout'))
    problems = []
    if layout['scrollWidth'] > layout['width'] or layout['scrolledX'] != 0:
        problems.append(
            f'the page scrolls sideways: {layout["scrollWidth"]} px wide on a {layout["width"]} px screen'
            + (f', because of {", ".join(layout["outside"])}' if layout['outside'] else '')
        )
    problems += [f'{block["name"]} is wider than the screen but does not scroll inside itself' for block in layout['code'] if not block['scrolls']]
    return problems


# Each tab set of the article: how its row of labels fits, whether Material's
# scroll arrows show, and for each label its box, whether it (or anything
# between it and the set) is underlined, whether its link has a colour of its
# own, and the contrast of what marks the selected one: its bottom border, or
# Material's bar under the row when it lies under this label (0: none).
TAB_LABELS = js('tab_labels')


def tab_label_problems(tab: Tab) -> list[str]:
    """What is wrong with the mode tabs' labels, as drawn now: every label
    on screen (no row scrolling behind an arrow), none underlined or coloured
    like a link, and the selected one marked by more than its colour."""
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


# Each table of the article: its width and the width shown of it and of the
# box that scrolls it, and how far it reaches past the screen's right edge.
TABLES = js('tables')


def cut_tables(tab: Tab) -> list[str]:
    """Each table of the page that does not show whole: it scrolls sideways
    or runs past the screen."""
    return [
        f'the table "{table["head"][:60]}" is cut: {max(table["hidden"], table["past"]):.0f} px of it are out of sight'
        for table in tab.page.evaluate(TABLES)
        if table['hidden'] > 1 or table['past'] > 1
    ]


def show_every_tab_block(tab: Tab) -> None:
    """Show the blocks of every tab, chosen or not: those of the tabs not
    chosen have no boxes to measure or check otherwise."""
    tab.page.evaluate("() => document.querySelectorAll('.tabbed-block').forEach(block => { block.style.display = 'block' })")


def tab_sets_with(tab: Tab, label: str) -> list[dict]:
    """Each tab set of the page that has a tab `label`: its labels, the
    selected one, the default one, and whether the selected tab shows."""
    return [s for s in tab.page.evaluate(js('tab_sets')) if label in s['labels']]


def wait_until_showing(tab: Tab, label: str) -> list[list[str]]:
    """Wait until every tab set that has `label` shows it (Material switches
    linked tab sets a frame or two after the click); the labels of the sets
    that still do not, once the wait gave up."""
    with contextlib.suppress(PlaywrightError):
        tab.page.wait_for_function(
            f'label => ({js("tab_sets").strip()})().every(s => !s.labels.includes(label) || (s.selected === label && s.shown))',
            arg=label,
            timeout=10_000,
        )
    return [s['labels'] for s in tab_sets_with(tab, label) if s['selected'] != label or not s['shown']]


def switch_scheme(tab: Tab) -> None:
    """The reader's toggle in the header: light to dark, or back. Returns
    once the new colours are drawn (they change with a transition)."""
    dark = tab.page.evaluate('() => document.body.dataset.mdColorScheme') != 'slate'
    tab.page.locator('[data-md-component="palette"] label:not([hidden])').click()
    tab.page.wait_for_function('dark => (document.body.dataset.mdColorScheme === "slate") === dark', arg=dark)
    tab.page.evaluate(js('settled'))


def resize(tab: Tab, viewport: dict) -> None:
    """Size the tab to a viewport; returns once the page has laid itself out again."""
    tab.page.set_viewport_size(viewport)
    tab.page.evaluate(js('settled'))


def show_as(tab: Tab, scheme: str, viewport: dict) -> None:
    """Bring the page open in `tab` to a colour scheme ('light' or 'dark')
    and a viewport, through the reader's toggle and a resize, doing only
    what is not so already."""
    if (tab.page.evaluate('() => document.body.dataset.mdColorScheme') == 'slate') != (scheme == 'dark'):
        switch_scheme(tab)
    if tab.page.viewport_size != viewport:
        resize(tab, viewport)
