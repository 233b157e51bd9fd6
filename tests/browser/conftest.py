"""The browser for the tests in this folder: Debian's chromium, driven by
Playwright, started once per run, with a desktop and a phone profile.

No browser is downloaded: `make install` installs the `chromium` package and
fonts-noto-cjk when they are missing (as root, or with sudo in CI). Without
chromium these tests fail; SKIP_BROWSER_TESTS=1 skips them, except in CI
(CI=true), where they always run.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from browser import DESKTOP, OPEN_TABS, PHONE, Tab, new_profile
from built_site import Served
from pages import ROOT

SKIP = os.environ.get('SKIP_BROWSER_TESTS') == '1'
IN_CI = os.environ.get('CI') == 'true'
HERE = Path(__file__).parent

NO_CHROMIUM = (
    'no chromium on this machine, so the browser tests cannot run: `make install` installs it '
    '(apt-get install chromium fonts-noto-cjk, as root); SKIP_BROWSER_TESTS=1 skips these tests (not in CI)'
)
# As the machine's own check starts it: no first-run work and no background
# connections, which a closed network refuses many at a time.
CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    # Shared memory in files under /tmp, not /dev/shm, which containers
    # often make too small for a page as long as a notebook.
    '--disable-dev-shm-usage',
]


# A browser test takes seconds. One that takes this long waits for a page
# that will never answer (Playwright's evaluate has no time limit, and hangs
# when a page crashes: microsoft/playwright#13253): it fails, named, and the
# run goes on, instead of waiting for pytest.ini's longer limit.
BROWSER_TEST_TIMEOUT = 180


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip = pytest.mark.skip(reason='SKIP_BROWSER_TESTS=1: the browser tests are skipped')
    for item in items:
        if HERE not in item.path.parents:
            continue
        if SKIP and not IN_CI:
            item.add_marker(skip)
        elif item.get_closest_marker('timeout') is None:
            item.add_marker(pytest.mark.timeout(BROWSER_TEST_TIMEOUT))


# Where a failing browser test leaves a screenshot of each tab it had open
# (git-ignored); the failure says which files.
FAILURES = ROOT / '.browser-failures'


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if report.when != 'teardown' and report.failed and HERE in item.path.parents and OPEN_TABS:
        FAILURES.mkdir(exist_ok=True)
        name = re.sub(r'[^\w.-]+', '-', item.nodeid.removeprefix('tests/browser/')).strip('-')
        shots = []
        for n, tab in enumerate(OPEN_TABS, 1):
            path = FAILURES / f'{name}-{n}.png'
            try:
                tab.page.screenshot(path=path, full_page=True, timeout=20_000)
            except PlaywrightError as error:
                shots.append(f'(tab {n}, at {tab.page.url}: no screenshot: {error.message.splitlines()[0]})')
            else:
                shots.append(f'{path.relative_to(ROOT)} ({tab.page.url})')
        report.sections.append(('browser', 'what the browser showed when the test failed:\n  ' + '\n  '.join(shots)))
    return report


def chromium() -> str:
    if SKIP and IN_CI:
        pytest.fail('SKIP_BROWSER_TESTS=1 is refused in CI (CI=true): the browser tests always run there', pytrace=False)
    path = shutil.which('chromium')
    if path is None:
        pytest.fail(NO_CHROMIUM, pytrace=False)
    return path


@pytest.fixture(scope='session')
def browser() -> Iterator[Browser]:
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


@pytest.fixture(scope='session')
def desktop(browser: Browser) -> Iterator[BrowserContext]:
    """A profile at 1280x800 that forgets what pages store."""
    context = new_profile(browser, DESKTOP)
    yield context
    context.close()


@pytest.fixture(scope='session')
def small_screen(browser: Browser) -> Iterator[BrowserContext]:
    """A profile at 375x740 that forgets what pages store."""
    context = new_profile(browser, PHONE)
    yield context
    context.close()


@pytest.fixture
def tab(desktop: BrowserContext, served: Served) -> Iterator[Tab]:
    """A new tab at desktop width."""
    opened = Tab(desktop, served)
    yield opened
    opened.close()


@pytest.fixture
def phone(small_screen: BrowserContext, served: Served) -> Iterator[Tab]:
    """A new tab on a 375 px wide screen."""
    opened = Tab(small_screen, served)
    yield opened
    opened.close()


@pytest.fixture
def reader(browser: Browser, served: Served) -> Iterator[Tab]:
    """A tab in a profile of its own, which remembers from page to page."""
    context = new_profile(browser, DESKTOP, remember=True)
    yield Tab(context, served)
    context.close()
