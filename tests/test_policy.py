"""Every page's Content-Security-Policy (hooks/content_security_policy.py),
in the built HTML: each page, 404.html included, has one policy, placed
before anything it governs, allowing nothing but the site's own origin, with
the hash of each inline script the theme wrote.

In a real browser (tests/browser/test_pages.py) each page breaks no rule of
its policy and the policy is in force; tests/browser/test_policy.py plants an
outside and an inline script and sees the policy refuse both.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from bs4 import BeautifulSoup, SoupStrainer

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
