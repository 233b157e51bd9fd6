"""The reader's experience, in a real browser.

tests/test_site.py reads the built HTML. These tests build the site the same
way, serve it on 127.0.0.1 from a thread, and drive Debian's chromium with
Playwright: every page in both languages loads cleanly and passes an
accessibility scan (axe-core); the language switch, the mode tabs, the
copy button and the phone layout work (search: tests/test_browser_search.py);
and screenshots are written to .screenshots/ for review.

No browser is downloaded: `make install` installs the `chromium` package and
fonts-noto-cjk when they are missing (as root, or with sudo in CI). Without
chromium these tests fail; SKIP_BROWSER_TESTS=1 skips them, except in CI
(CI=true), where they always run.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, sync_playwright

from pages import DEFAULT_LANGUAGE, DOCS, LANGUAGES, ROOT, fences, site_pages

# The built site, exactly as tests/test_site.py builds it (`mkdocs build
# --strict`, failures named by page and line): once for this module.
from test_site import built_page, site, url_of  # noqa: F401  (site is a fixture)

SKIP = os.environ.get('SKIP_BROWSER_TESTS') == '1'
IN_CI = os.environ.get('CI') == 'true'
if SKIP and not IN_CI:
    pytest.skip('SKIP_BROWSER_TESTS=1: the browser tests are skipped', allow_module_level=True)

NO_CHROMIUM = (
    'no chromium on this machine, so the browser tests cannot run: `make install` installs it '
    '(apt-get install chromium fonts-noto-cjk, as root); SKIP_BROWSER_TESTS=1 skips these tests (not in CI)'
)
CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
]
DESKTOP = {'width': 1280, 'height': 800}
PHONE = {'width': 375, 'height': 740}
SCREENSHOTS = ROOT / '.screenshots'

PAGES = [(lang, page) for lang in LANGUAGES for page in site_pages(lang)]
PAGE_IDS = [f'{lang}/{page.as_posix()}' for lang, page in PAGES]

# Any URL but the test server's and the ones that fetch nothing.
LEAVES_LOCALHOST = re.compile(r'^(?!(?:https?|wss?)://127\.0\.0\.1[:/]|data:|blob:|about:)')

# Waits pass Playwright a function (`() => ...`), never a bare expression:
# Playwright evals an expression while it polls, which the pages' policy
# (hooks/content_security_policy.py, no 'unsafe-eval') refuses.

# Material's search says "Type to start searching" (in the page's language)
# once its worker has loaded the index; until then, "Initializing search".
SEARCH_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta')
  const words = JSON.parse(document.getElementById('__config').textContent).translations
  return meta !== null && meta.textContent.trim() === words['search.result.placeholder']
}"""


def chromium() -> str:
    if SKIP and IN_CI:
        pytest.fail('SKIP_BROWSER_TESTS=1 is refused in CI (CI=true): the browser tests always run there', pytrace=False)
    path = shutil.which('chromium')
    if path is None:
        pytest.fail(NO_CHROMIUM, pytrace=False)
    return path


@pytest.fixture(scope='module')
def browser():
    executable = chromium()
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        except PlaywrightError as error:
            # What chromium itself said, without Playwright's command line.
            said = list(dict.fromkeys(line.strip(' -') for line in error.message.splitlines() if '][err]' in line))
            said = said or error.message.splitlines()[:1]
            launched = None
        if launched is None:
            pytest.fail(f'{executable} does not start, so the browser tests cannot run:\n' + '\n'.join(said), pytrace=False)
        yield launched
        launched.close()


class _Host(SimpleHTTPRequestHandler):
    """Serves the site the way GitHub Pages and `mkdocs serve` do: a missing
    address gets the site's 404.html, with status 404. Logs nothing."""

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / '404.html'
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header('Content-Type', 'text/html; charset=utf-8')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)

    def log_message(self, format, *args) -> None:
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A tab that closes while a file is still being sent is no fault of the
        # site; anything else is printed as usual.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Served:
    """The built site, served at the root of http://127.0.0.1:<port>/ (the
    home pages' language switch links to absolute paths)."""

    def __init__(self, site: Path, base: str) -> None:
        self.site = site
        self.base = base

    def path(self, lang: str, page: Path) -> str:
        """The URL path of a page: '/', '/zh/guide/names/'."""
        return url_of(self.site, built_page(self.site, lang, Path(page)))


@pytest.fixture(scope='module')
def served(site: Path):
    server = _Server(('127.0.0.1', 0), functools.partial(_Host, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Served(site, f'http://127.0.0.1:{server.server_port}')
    server.shutdown()
    server.server_close()
    thread.join()


def language_root(lang: str) -> str:
    return '/' if lang == DEFAULT_LANGUAGE else f'/{lang}/'


def language_of(path: str) -> str:
    """The language of a URL path: the one with the longest matching root."""
    return max((lang for lang in LANGUAGES if path.startswith(language_root(lang))), key=lambda lang: len(language_root(lang)))


# Every page load in a shared profile starts like a first visit: Material
# keeps the colour scheme and the chosen tabs in localStorage.
FORGET = 'try { localStorage.clear(); sessionStorage.clear() } catch (error) {}'


def _abort(route) -> None:
    try:
        route.abort('blockedbyclient')
    except PlaywrightError:
        pass  # the page is gone already


def new_profile(browser, viewport: dict, remember: bool = False):
    """A browser profile (context) that never reaches past 127.0.0.1; unless
    `remember`, it forgets what pages store, at every page load."""
    context = browser.new_context(viewport=viewport)
    context.set_default_timeout(15_000)
    context.route(LEAVES_LOCALHOST, _abort)
    if not remember:
        context.add_init_script(FORGET)
    return context


class Tab:
    """A browser tab on the served site. It notes everything that goes wrong
    while pages load: console errors (the search worker's too), uncaught
    exceptions, failed requests, HTTP errors, and requests that leave
    127.0.0.1 (which the profile also blocks).

    A request that the tab's own next navigation cut short (net::ERR_ABORTED:
    the favicon of a page the test has already left) is no fault of the site,
    and is not noted; a 4xx, a blocked or an outside request still is."""

    def __init__(self, context, served: Served) -> None:
        self.context = context
        self.base = served.base
        self.problems: list[str] = []
        # From the start of a navigation away from a page until the next page
        # has loaded, the page being left may see its requests aborted.
        self._navigations = 0
        self._leaving = False
        self.page: Page = context.new_page()
        self.page.on('request', self._request)
        self.page.on('load', self._loaded)
        self.page.on('requestfailed', self._failed)
        self.page.on('response', self._response)
        self.page.on('console', self._console)
        self.page.on('worker', lambda worker: worker.on('console', self._console))
        self.page.on('pageerror', lambda error: self.problems.append(f'uncaught exception: {error}'))

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
        if message.type == 'error':
            self.problems.append(f'console error: {message.text}')

    def open(self, path: str, settle: bool = True) -> None:
        """Load a page; with `settle`, also wait until its search index is
        loaded, so that every request the page makes has ended."""
        self.page.goto(self.base + path)
        if settle:
            self.settle()

    def settle(self) -> None:
        try:
            self.page.wait_for_function(SEARCH_READY)
        except PlaywrightError:
            self.problems.append('search never got ready ("Initializing search" for 15 s)')

    def path(self) -> str:
        return urlsplit(self.page.url).path

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope='module')
def desktop(browser):
    context = new_profile(browser, DESKTOP)
    yield context
    context.close()


@pytest.fixture(scope='module')
def small_screen(browser):
    context = new_profile(browser, PHONE)
    yield context
    context.close()


@pytest.fixture
def tab(desktop, served):
    """A new tab at desktop width."""
    opened = Tab(desktop, served)
    yield opened
    opened.close()


@pytest.fixture
def phone(small_screen, served):
    """A new tab on a 375 px wide screen."""
    opened = Tab(small_screen, served)
    yield opened
    opened.close()


@pytest.fixture
def reader(browser, served):
    """A tab in a profile of its own, which remembers from page to page."""
    context = new_profile(browser, DESKTOP, remember=True)
    yield Tab(context, served)
    context.close()


# --- every page ---------------------------------------------------------------

# axe-core, as axe-playwright-python ships it.
AXE_SCRIPT = Axe().axe_script
# Rules whose result depends on the colour scheme: rerun in the dark scheme.
COLOUR_RULES = ['color-contrast', 'link-in-text-block']


def serious_violations(page: Page, rules: list[str] | None = None) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each."""
    if not page.evaluate('typeof axe !== "undefined"'):
        page.evaluate(AXE_SCRIPT)
    options = {'resultTypes': ['violations']}
    if rules:
        options['runOnly'] = {'type': 'rule', 'values': rules}
    violations = page.evaluate('options => axe.run(document, options).then(results => results.violations)', options)
    found = []
    for violation in violations:
        if violation['impact'] in ('serious', 'critical'):
            nodes = violation['nodes']
            where = ', '.join(' '.join(node['target']) for node in nodes[:3]) + (f' and {len(nodes) - 3} more' if len(nodes) > 3 else '')
            found.append(f'{violation["id"]} ({violation["impact"]}): {violation["help"]}: {where}')
    return found


# What sticks out past the right edge of the screen, outside anything that
# scrolls or clips sideways, and the code blocks wider than the screen.
PHONE_LAYOUT = """() => {
  const root = document.documentElement, width = root.clientWidth
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
  const outside = []
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect()
    if (!box.width || !box.height || box.right <= width + 1) continue
    let p = el.parentElement
    while (p && p !== root && (getComputedStyle(p).overflowX === 'visible' || p.getBoundingClientRect().right > width + 1))
      p = p.parentElement
    if (!p || p === root) outside.push(name(el))
  }
  const code = []
  for (const pre of document.querySelectorAll('.md-content pre')) {
    const inner = pre.querySelector(':scope > code') || pre
    if (inner.scrollWidth <= inner.clientWidth + 1) continue
    let box = inner
    while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement
    let scrolls = false
    if (box && box !== root && box !== document.body) {
      const before = box.scrollLeft
      box.scrollLeft = before + 40
      scrolls = box.scrollLeft > before && box.getBoundingClientRect().right <= width + 1
      box.scrollLeft = before
    }
    code.push({name: name(pre), scrolls})
  }
  scrollTo(10000, scrollY)
  const scrolledX = scrollX
  scrollTo(0, scrollY)
  return {width, scrollWidth: root.scrollWidth, scrolledX, outside: outside.slice(0, 5), code}
}"""


def phone_layout_problems(page: Page) -> list[str]:
    """At 375 px a page never scrolls sideways, and code wider than the
    screen scrolls inside its own block."""
    layout = page.evaluate(PHONE_LAYOUT)
    problems = []
    if layout['scrollWidth'] > layout['width'] or layout['scrolledX'] != 0:
        problems.append(
            f'the page scrolls sideways: {layout["scrollWidth"]} px wide on a {layout["width"]} px screen'
            + (f', because of {", ".join(layout["outside"])}' if layout['outside'] else '')
        )
    problems += [f'{block["name"]} is wider than the screen but does not scroll inside itself' for block in layout['code'] if not block['scrolls']]
    return problems


@pytest.mark.parametrize(('lang', 'page'), PAGES, ids=PAGE_IDS)
def test_page_in_a_browser(tab: Tab, served: Served, lang: str, page: Path) -> None:
    """What a reader of the page meets, checked in one visit (one load per
    page keeps the run short):

    - it loads with no console error, no failed request, nothing from
      another host, its language in <html lang>, and one <h1>;
    - axe-core finds no serious or critical violation, in the light scheme
      and (the colour rules) in the dark one;
    - on a 375 px screen it never scrolls sideways, and code wider than the
      screen scrolls inside its block;
    - the language switch leads to its twin in the other language.
    """
    path = served.path(lang, page)
    problems = []
    tab.open(path, settle=False)  # the search worker loads its index meanwhile
    html_lang, h1s = tab.page.evaluate('() => [document.documentElement.lang, document.querySelectorAll("h1").length]')
    if html_lang != lang:
        problems.append(f'<html lang="{html_lang}">, not "{lang}"')
    if h1s != 1:
        problems.append(f'{h1s} <h1> elements, not one')

    problems += [f'accessibility: {line}' for line in serious_violations(tab.page)]
    # The reader's toggle in the header switches the scheme at once (no reload).
    tab.page.locator('[data-md-component="palette"] label:not([hidden])').click()
    tab.page.wait_for_function('() => document.body.dataset.mdColorScheme === "slate"')
    problems += [f'accessibility (dark scheme): {line}' for line in serious_violations(tab.page, COLOUR_RULES)]

    tab.page.set_viewport_size(PHONE)
    problems += [f'at {PHONE["width"]} px: {line}' for line in phone_layout_problems(tab.page)]
    tab.page.set_viewport_size(DESKTOP)

    tab.settle()  # every request of the page has ended
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

    problems = tab.problems + problems
    assert not problems, f'docs/{lang}/{page} ({path}):\n  ' + '\n  '.join(problems)


@pytest.mark.parametrize('lang', LANGUAGES)
def test_a_missing_address_gets_a_page_that_leads_home(tab: Tab, served: Served, lang: str) -> None:
    """The host answers an address with no page, at any depth and in any
    language, with the site's one 404.html: it must load whole there, pass
    the accessibility scan, and its links and language switch must lead to
    each language's home."""
    missing = language_root(lang) + 'no/such/page/'
    tab.open(missing)
    problems = list(tab.problems)
    # The page's own status, which Chromium also logs to the console; any
    # other failed load is still a problem.
    for own in (f'HTTP 404: {served.base}{missing}', 'console error: Failed to load resource: the server responded with a status of 404 (Not Found)'):
        if own in problems:
            problems.remove(own)
    if tab.page.locator('h1').count() != 1:
        problems.append('not one <h1>')
    problems += [f'accessibility: {line}' for line in serious_violations(tab.page)]
    for other in LANGUAGES:
        home = language_root(other)
        for part, selector in (('its text', f'article a[href="{home}"]'), ('its language switch', f'.md-header a.md-select__link[href="{home}"]')):
            if tab.path() != missing:
                tab.open(missing, settle=False)
            tab.page.hover('.md-header .md-select')  # the list of languages opens on hover
            link = tab.page.locator(selector)
            if link.count() != 1:
                problems.append(f'{part} has no link to the "{other}" home, {home}')
                continue
            with tab.page.expect_navigation(wait_until='commit'):
                link.click()
            if tab.path() != home:
                problems.append(f'the "{other}" home link in {part} leads to {tab.path()}')
    assert not problems, f'site/404.html, shown at {missing}:\n  ' + '\n  '.join(problems)


# --- across the site ----------------------------------------------------------

GUIDE_PAGE = Path('guide/names.md')


@pytest.mark.parametrize('lang', LANGUAGES)
def test_wide_code_scrolls_inside_its_block_on_a_phone(phone: Tab, served: Served, lang: str) -> None:
    """test_page_in_a_browser checks the wide code blocks it finds on a
    phone; this makes sure there are some to check."""
    phone.open(served.path(lang, GUIDE_PAGE), settle=False)
    blocks = phone.page.evaluate(PHONE_LAYOUT)['code']  # as test_page_in_a_browser checks them
    assert blocks, f'docs/{lang}/{GUIDE_PAGE} has no code block wider than {PHONE["width"]} px any more: pick another page here'
    assert all(block['scrolls'] for block in blocks), f'docs/{lang}/{GUIDE_PAGE}: wide code blocks do not scroll: {blocks}'


@pytest.mark.parametrize('lang', LANGUAGES)
def test_navigation_drawer_opens_on_a_phone(phone: Tab, served: Served, lang: str) -> None:
    phone.open(language_root(lang), settle=False)
    drawer = phone.page.locator('.md-sidebar--primary')
    assert drawer.bounding_box()['x'] + drawer.bounding_box()['width'] <= 0, 'the navigation drawer is open before it is asked for'
    phone.page.click('label.md-header__button[for="__drawer"]')
    phone.page.wait_for_function('() => document.querySelector(".md-sidebar--primary").getBoundingClientRect().left >= 0')
    # A reader can reach a page through it: the link to the cheat sheet is on top, and leads there.
    cheatsheet = served.path(lang, 'cheatsheet.md')
    link = drawer.locator('a.md-nav__link[href$="cheatsheet/"]').first
    box = link.bounding_box()
    assert box and 0 <= box['x'] and box['x'] + box['width'] <= PHONE['width'], f'{lang}: the cheat sheet link is not on screen in the open drawer'
    on_top = phone.page.evaluate(
        '([x, y]) => document.elementFromPoint(x, y)?.closest("a")?.getAttribute("href") ?? null',
        [box['x'] + box['width'] / 2, box['y'] + box['height'] / 2],
    )
    assert on_top is not None and on_top.endswith('cheatsheet/'), f'{lang}: the open drawer is covered ({on_top} is on top)'
    with phone.page.expect_navigation():
        link.click()
    assert phone.path() == cheatsheet, f'{lang}: the drawer\'s cheat sheet link leads to {phone.path()}'
    assert not phone.problems, '\n'.join(phone.problems)


# Search: tests/test_browser_search.py.


TABBED_PAGES = (Path('tf2/eager-and-tf-function.md'), Path('tf2/modules-and-keras.md'))
LINKED_LABEL = 'tf-keras'
# Each tab set on the page: its labels, the selected one, the default one, and
# whether the selected tab's content is what shows.
TAB_SETS = """() => Array.from(document.querySelectorAll('.tabbed-set'), set => {
  const inputs = Array.from(set.querySelectorAll(':scope > input'))
  const label = input => set.querySelector(`label[for="${input.id}"]`).textContent.trim()
  const blocks = Array.from(set.querySelectorAll(':scope > .tabbed-content > .tabbed-block'))
  const selected = inputs.findIndex(input => input.checked)
  return {
    labels: inputs.map(label),
    selected: label(inputs[selected]),
    default: label(inputs.find(input => input.defaultChecked) || inputs[0]),
    shown: blocks.map(block => block.getClientRects().length > 0).indexOf(true) === selected,
  }
})"""


def tab_sets_with(tab: Tab, label: str) -> list[dict]:
    return [s for s in tab.page.evaluate(TAB_SETS) if label in s['labels']]


def wait_until_showing(tab: Tab, label: str) -> list[list[str]]:
    """Wait (Material may take a frame or two) until every tab set that has
    `label` shows it; the labels of the sets that never do."""
    try:
        tab.page.wait_for_function(
            f"""label => ({TAB_SETS})().every(s => !s.labels.includes(label) || (s.selected === label && s.shown))""",
            arg=label,
            timeout=3_000,
        )
    except PlaywrightError:
        pass
    return [s['labels'] for s in tab_sets_with(tab, label) if s['selected'] != label or not s['shown']]


@pytest.mark.parametrize('lang', LANGUAGES)
def test_linked_mode_tabs_switch_together_and_follow_the_reader(reader: Tab, served: Served, lang: str) -> None:
    first, second = TABBED_PAGES
    reader.open(served.path(lang, first))
    assert len(tab_sets_with(reader, LINKED_LABEL)) >= 2, f'docs/{lang}/{first} needs two tab sets with a "{LINKED_LABEL}" tab for this test'
    reader.page.locator('.tabbed-set .tabbed-labels > label', has_text=LINKED_LABEL).first.click()
    wrong = wait_until_showing(reader, LINKED_LABEL)
    assert not wrong, f'docs/{lang}/{first}: picking "{LINKED_LABEL}" did not switch these tab sets to it: {wrong}'

    reader.open(served.path(lang, second))
    sets = tab_sets_with(reader, LINKED_LABEL)
    assert any(s['default'] != LINKED_LABEL for s in sets), f'docs/{lang}/{second} needs a tab set that does not open on "{LINKED_LABEL}" for this test'
    wrong = wait_until_showing(reader, LINKED_LABEL)
    assert not wrong, f'docs/{lang}/{second}: the reader picked "{LINKED_LABEL}" on the page before, but these tab sets show another tab: {wrong}'
    assert not reader.problems, '\n'.join(reader.problems)


@pytest.mark.parametrize('lang', LANGUAGES)
def test_copy_button_copies_the_code_block(reader: Tab, served: Served, lang: str) -> None:
    reader.context.grant_permissions(['clipboard-read', 'clipboard-write'], origin=served.base)
    reader.open(served.path(lang, GUIDE_PAGE))
    reader.page.evaluate('navigator.clipboard.writeText("nothing copied yet")')
    reader.page.locator('article pre button.md-code__button[data-md-type="copy"]').first.click()
    copied = reader.page.evaluate('navigator.clipboard.readText()')
    source = DOCS / lang / GUIDE_PAGE
    expected = fences(source)[0]
    assert copied.rstrip('\n') == expected.code.rstrip('\n'), (
        f'{expected}: the copy button of the first code block copied\n{copied}\ninstead of\n{expected.code}'
    )
    words = reader.page.evaluate('JSON.parse(document.getElementById("__config").textContent).translations')
    reader.page.wait_for_selector(f'.md-dialog >> text={words["clipboard.copied"]}')
    assert not reader.problems, '\n'.join(reader.problems)


# Fonts that have Chinese glyphs: Noto / Source Han (CJK), and the usual others.
CJK_FONT = re.compile(r'CJK|Source Han|WenQuanYi|Droid Sans Fallback|AR PL|PingFang|Hiragino|Heiti|Songti|YaHei|SimSun|SimHei')


@pytest.mark.parametrize('lang', LANGUAGES)
def test_screenshots_for_review(desktop, small_screen, served: Served, lang: str) -> None:
    """The home page and a guide page at desktop and phone width, in
    .screenshots/ (git-ignored); Chinese must be drawn with a CJK font."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for viewport_name, profile in (('desktop', desktop), ('phone', small_screen)):
        shot = Tab(profile, served)
        try:
            for page in (Path('index.md'), GUIDE_PAGE):
                shot.open(served.path(lang, page))
                shot.page.evaluate('document.fonts.ready.then(() => true)')
                name = 'home' if page.stem == 'index' else page.with_suffix('').as_posix().replace('/', '-')
                file = SCREENSHOTS / f'{lang}-{name}-{viewport_name}.png'
                shot.page.screenshot(path=file, full_page=True)
                assert file.stat().st_size > 10_000, f'{file} is (nearly) empty'
                # Which fonts chromium really drew the title with.
                cdp = shot.context.new_cdp_session(shot.page)
                cdp.send('DOM.enable')
                cdp.send('CSS.enable')
                root = cdp.send('DOM.getDocument')['root']['nodeId']
                h1 = cdp.send('DOM.querySelector', {'nodeId': root, 'selector': 'article h1'})['nodeId']
                fonts = [font['familyName'] for font in cdp.send('CSS.getPlatformFontsForNode', {'nodeId': h1})['fonts']]
                cdp.detach()
                title = shot.page.inner_text('article h1').rstrip('¶ ')
                if re.search('[\u4e00-\u9fff]', title):
                    assert any(CJK_FONT.search(font) for font in fonts), (
                        f'docs/{lang}/{page}: the Chinese title "{title}" is drawn with {fonts}, no CJK font '
                        '(install fonts-noto-cjk: `make install` does)'
                    )
            assert not shot.problems, '\n'.join(shot.problems)
        finally:
            shot.close()
