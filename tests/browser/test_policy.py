"""Every page's Content-Security-Policy (hooks/content_security_policy.py).

- In the built HTML: each page, 404.html included, has one policy, placed
  before anything it governs, allowing nothing but the site's own origin,
  with the hash of each inline script the theme wrote.
- In a real browser (test_pages.py, test_reader.py): each page, with its
  tabs, copy button and search in use, breaks no rule of its policy, and the
  policy is in force (a probe script added to the page is refused).
- A guard: an outside script and an inline one planted in a page's Markdown
  are both refused by the policy itself, before any request leaves.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, SoupStrainer

from browser import DESKTOP, Tab, new_profile
from built_site import build, serve

POLICY = 'Content-Security-Policy'
# What a policy may allow: the site itself, nothing, inline scripts by hash,
# and (images only) data: URLs.
ALLOWED_SOURCES = re.compile(r"'self'|'none'|'sha256-[A-Za-z0-9+/]+={0,2}'")
DATA_ALLOWED = {'img-src'}
# Scripts a browser runs; any other type (Material's __config JSON) is data,
# which CSP does not govern.
RUN_TYPES = {'', 'module', 'text/javascript', 'application/javascript', 'application/ecmascript', 'text/ecmascript'}


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in policy.split(';'):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def sha256_source(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode('utf-8')).digest()).decode('ascii') + "'"


def policy_problems(html: str) -> list[str]:
    """What is wrong with a built page's policy, one line each."""
    # Only what the check reads: <head>, and the scripts anywhere.
    doc = BeautifulSoup(html, 'html.parser', parse_only=SoupStrainer(['head', 'script']))
    head = doc.head
    metas = head.find_all('meta', attrs={'http-equiv': re.compile(f'^{POLICY}$', re.I)}) if head else []
    if len(metas) != 1:
        return [f'{len(metas)} <meta http-equiv="{POLICY}"> in <head>, not one']
    meta = metas[0]
    problems = []
    # A policy governs only what comes after it; only <meta charset> (which
    # must stay within the first 1024 bytes) may stand before it.
    before = [el.name for el in meta.find_all_previous() if el.find_parent('head') is head and not (el.name == 'meta' and el.has_attr('charset'))]
    before = list(dict.fromkeys(reversed(before)))
    if before:
        problems.append(f'the policy comes after <{">, <".join(before)}> in <head>')
    rules = directives(meta['content'])
    for name, sources in rules.items():
        for source in sources:
            if not (ALLOWED_SOURCES.fullmatch(source) or (source == 'data:' and name in DATA_ALLOWED)):
                problems.append(f"{name} allows {source}: only the site itself ('self') may be allowed")
    for needed, value in (('default-src', ["'self'"]), ('object-src', ["'none'"]), ('base-uri', ["'self'"])):
        if rules.get(needed) != value:
            problems.append(f'{needed} is {rules.get(needed)}, not {value}')
    for script in doc.find_all('script', src=False):
        if script.get('type', '').strip().lower() not in RUN_TYPES:
            continue
        text = script.string or ''
        if sha256_source(text) not in rules.get('script-src', []):
            problems.append(f'script-src lacks the hash of the inline script {text[:60]!r}, so the browser refuses it')
    return problems


def test_every_built_page_carries_one_policy_that_allows_only_the_site(site: Path) -> None:
    built = sorted(site.rglob('*.html'))
    assert site / '404.html' in built, '404.html was not built'
    problems = [f'{page.relative_to(site)}: {line}' for page in built for line in policy_problems(page.read_text('utf-8'))]
    assert not problems, f"{len(problems)} problems with the pages' {POLICY} (hooks/content_security_policy.py):\n  " + '\n  '.join(problems)


# --- the guard ----------------------------------------------------------------

OUTSIDE = 'https://cdn.example.com/x.js'
PLANTED = f'\n<script src="{OUTSIDE}"></script>\n\n<script>alert(1)</script>\n'


@pytest.mark.guards
def test_a_planted_outside_script_and_inline_script_are_refused_by_the_policy(project: Path, browser, tmp_path: Path) -> None:
    page = project / 'docs' / 'en' / 'glossary.md'
    page.write_text(page.read_text('utf-8') + PLANTED, 'utf-8')
    built = tmp_path / 'site'
    problems = build(built, project, strict=False)
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
