"""The guard of every page's Content-Security-Policy
(hooks/content_security_policy.py; the built HTML: tests/test_policy.py):
an outside script and an inline one planted in a page's Markdown are both
refused by the policy itself, in a real browser, before any request leaves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import DESKTOP, Tab, new_profile
from built_site import build, serve

POLICY = 'Content-Security-Policy'

OUTSIDE = 'https://cdn.example.com/x.js'
PLANTED = f'\n<script src="{OUTSIDE}"></script>\n\n<script>alert(1)</script>\n'


@pytest.mark.guards
def test_a_planted_outside_script_and_inline_script_are_refused_by_the_policy(project_copy: Path, browser, tmp_path: Path) -> None:
    page = project_copy / 'docs' / 'en' / 'glossary.md'
    page.write_text(page.read_text('utf-8') + PLANTED, 'utf-8')
    built = tmp_path / 'site'
    problems = build(built, project_copy, strict=False)
    assert not problems, '\n'.join(problems)
    html = (built / 'glossary' / 'index.html').read_text('utf-8')
    assert OUTSIDE in html and '<script>alert(1)</script>' in html, 'the planted scripts did not reach the built page'

    context = new_profile(browser, DESKTOP)  # routes nothing but 127.0.0.1, like every test's
    try:
        with serve(built) as copy:
            tab = Tab(context, copy)
            # The test's routing would abort the request (as the profile's
            # does); the policy must refuse it before it gets that far.
            routed: list[str] = []
            tab.page.route(OUTSIDE, lambda route: (routed.append(route.request.url), route.abort('blockedbyclient')))
            failures: list[str | None] = []
            tab.page.on('requestfailed', lambda request: failures.append(request.failure) if request.url == OUTSIDE else None)
            dialogs: list[str] = []
            tab.page.on('dialog', lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            tab.open('/glossary/', settle=False)
            # The two refusals, whenever the browser reports them (at once if the page has no policy).
            tab.page.wait_for_function(f'() => window.__violations.length >= 2 || !document.querySelector(\'meta[http-equiv="{POLICY}"]\')')
            violations = tab.violations()
    finally:
        context.close()
    assert any(line.startswith(f'script-src-elem refused {OUTSIDE} ') for line in violations), (
        f'docs/en/glossary.md: the policy did not refuse <script src="{OUTSIDE}">; violations: {violations}'
    )
    assert any(line.startswith('script-src-elem refused inline ') for line in violations), (
        f'docs/en/glossary.md: the policy did not refuse the inline <script>alert(1)</script>; violations: {violations}'
    )
    # Refused by the policy, not by the test's routing; and the alert never showed.
    # (Chromium reports a request its policy blocked as failed with "csp".)
    assert not routed, f"docs/en/glossary.md: {OUTSIDE} was requested; only the test's routing stopped it"
    assert failures == ['csp'], f'docs/en/glossary.md: {OUTSIDE} was not blocked by the policy, it failed with {failures}'
    assert not dialogs, f'the planted inline script ran: alert({dialogs[0]})'
