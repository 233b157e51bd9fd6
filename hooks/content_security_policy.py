"""A Content-Security-Policy on every page: the site's own origin only.

GitHub Pages sets no response headers, so the policy travels in each page as
a <meta http-equiv="Content-Security-Policy">. It lets a page load scripts,
styles, images, fonts, the search index and the search worker from the site
itself and from nowhere else, so that a link to another host that a
contributor writes into a page (a CDN script, an embedded image or frame)
is blocked in every reader's browser, not just noticed by tests/test_site.py.

Material writes small inline <script>s into every page (__md_scope and
__md_get, the palette and tabs restore, ...), some differing per page (the
page's depth is in __md_scope), so each page's policy carries the sha256 of
the ones the theme wrote on that page (a workaround: mkdocs/mkdocs issue
3855 asks for these scripts to move to files; when they do, the hashes go).
Scripts that come from the page's own Markdown get no hash: they are blocked
like an outside one. Material's __config block is type="application/json", a
data block that browsers never run, so CSP does not apply to it and it needs
no hash (HTML, "prepare the script element": a script whose type is not
JavaScript is not executed).
tests/browser/test_pages.py checks every page in a browser for violations.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# Each directive, and why it is there.
DIRECTIVES: dict[str, str] = {
    # Anything not named below (frames, media, manifests): this site only.
    'default-src': "'self'",
    # The theme's files, and its inline scripts by hash (added per page).
    # No 'unsafe-inline', no 'unsafe-eval': neither Material nor
    # overrides/assets/javascripts/ needs them.
    'script-src': "'self'",
    # The theme's stylesheets. The built pages have no <style> element and no
    # style="" attribute (mkdocs-jupyter's are trimmed by
    # hooks/i18n_notebooks.py), and Material sets styles at run time through
    # element.style, which CSP does not restrict: no 'unsafe-inline'.
    'style-src': "'self'",
    # data: for the icons Material's stylesheets draw as url("data:image/svg+xml,...").
    'img-src': "'self' data:",
    # No web fonts from elsewhere (theme.font is false).
    'font-src': "'self'",
    # Search fetches its index (search/search_index.json) from the site.
    'connect-src': "'self'",
    # Material's search runs in a worker loaded from assets/javascripts/workers/ (no blob:).
    'worker-src': "'self'",
    # No plugins (<object>, <embed>) at all.
    'object-src': "'none'",
    # A <base href> written into a page cannot send the relative URLs elsewhere.
    'base-uri': "'self'",
    # The search form never submits; no form may post to another host.
    'form-action': "'self'",
    # frame-ancestors, report-uri and sandbox are ignored in a <meta> policy: left out.
}

_SCRIPT = re.compile(r'<script\b(?P<attributes>[^>]*)>(?P<text>.*?)</script\s*>', re.I | re.S)
_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]*)""", re.I)
# The types a browser runs (HTML's JavaScript MIME type essence match, and module).
_RUN = {'', 'module', 'text/javascript', 'application/javascript', 'application/ecmascript', 'text/ecmascript'}
# The policy goes first in <head>, after <meta charset> only (which must stay
# within the first 1024 bytes): a policy applies only to what follows it.
_HEAD = re.compile(r'<head\b[^>]*>(?:(?P<indent>\s*)<meta\s+charset=[^>]*>)?', re.I)


def inline_scripts(html: str) -> list[str]:
    """The text of each inline <script> in `html` that a browser runs."""
    found = []
    for script in _SCRIPT.finditer(html):
        attributes = script['attributes']
        if re.search(r'\bsrc\s*=', attributes, re.I):
            continue
        kind = _TYPE.search(attributes)
        if kind is None or kind['type'].lower() in _RUN:
            found.append(script['text'])
    return found


def source_hash(script: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode('utf-8')).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: list[str]) -> str:
    hashes = ' '.join(dict.fromkeys(source_hash(script) for script in scripts))
    directives = {**DIRECTIVES, 'script-src': f'{DIRECTIVES["script-src"]} {hashes}'.strip()}
    return '; '.join(f'{name} {value}' for name, value in directives.items())


def with_policy(output: str, content: str = '') -> str:
    """`output` with the policy for its inline scripts, except those that
    also stand in `content` (the page's own Markdown, rendered)."""
    head = _HEAD.search(output)
    if head is None:
        return output  # not a page (hooks/not_found_page.py empties one 404.html)
    theme_scripts = Counter(inline_scripts(output)) - Counter(inline_scripts(content))
    content_attribute = escape(policy(list(theme_scripts.elements())), quote=False)  # single quotes only
    indent = head['indent'] or '\n'
    meta = f'{indent}<meta http-equiv="Content-Security-Policy" content="{content_attribute}">'
    return output[: head.end()] + meta + output[head.end() :]


# Last, so that no plugin or hook changes a script after it was hashed.
@event_priority(-1000)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output, page.content or '')


@event_priority(-1000)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered as a template, not a page; sitemap.xml is no HTML.
    return with_policy(output) if template_name.endswith('.html') else output
