"""The browser tests' Tab tells the site's faults from the test's own.

A request that the tab's next navigation cuts short is the test's doing (a
fresh clone once failed on `favicon.png (net::ERR_ABORTED)` for it); the same
abort with no navigation after it is still the site's fault.
"""

from __future__ import annotations

from pathlib import Path

from browser import Tab
from built_site import Served

FAVICON = '**/assets/images/favicon.png'


def test_a_request_cut_short_by_the_next_navigation_is_not_a_fault(tab: Tab, served: Served) -> None:
    # The favicon never arrives, so leaving the page must cut it short.
    held = []
    tab.page.route(FAVICON, lambda route: held.append(route))
    with tab.page.expect_request(lambda request: request.url.endswith('favicon.png')):
        tab.open(served.path('en', Path('index.md')), settle=False)
    tab.page.unroute(FAVICON)
    tab.open(served.path('en', Path('guide/names.md')))
    assert not tab.problems, '\n'.join(tab.problems)


def test_an_aborted_request_with_no_navigation_after_it_is_a_fault(tab: Tab, served: Served) -> None:
    tab.page.route(FAVICON, lambda route: route.abort('aborted'))
    tab.open(served.path('en', Path('index.md')))
    assert any('favicon.png (net::ERR_ABORTED)' in problem for problem in tab.problems), tab.problems
