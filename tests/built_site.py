"""The built site, as the tests and the benchmark (scripts/bench.py) see it:
how it is built, where each page lands, what a page loads, and one local
server that hosts it the way GitHub Pages does.

A helper module, not a test module: tests/conftest.py builds the site once
per run with `build()` and serves it with `serve()`.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from pages import LANGUAGES, ROOT, language_root, site_pages

# --- building ----------------------------------------------------------------


def build(out: Path, project: Path = ROOT, strict: bool = True) -> list[str]:
    """`mkdocs build` (strict, like `make build`) of `project` into `out`.
    Returns what went wrong, each link warning with its page and line; empty
    when the build passed."""
    command = [sys.executable, '-m', 'mkdocs', 'build', '--site-dir', str(out)] + (['--strict'] if strict else [])
    result = subprocess.run(command, cwd=project, capture_output=True, text=True)
    if result.returncode == 0:
        return []
    problems = [with_page_line(line, project) for line in result.stderr.splitlines() if line.startswith(('WARNING', 'ERROR'))]
    return problems or [result.stderr]


_LINK_WARNING = re.compile(r"Doc file '(?P<page>[^']+)' contains (?:a|an \w+) link '(?P<link>[^']+)'")


def with_page_line(warning: str, project: Path = ROOT) -> str:
    """MkDocs names the page of a bad link but not the line: add it."""
    m = _LINK_WARNING.search(warning)
    if m is None:
        return warning
    return f'{source_line(project / "docs" / m["page"], m["link"], project)}: {warning}'


def source_line(source: Path, needle: str, project: Path = ROOT) -> str:
    """`docs/...md:LINE` of the first line of a page's source containing `needle`."""
    lines = source.read_text('utf-8').splitlines()
    line = next((n for n, text in enumerate(lines, 1) if needle in text), None)
    return f'{source.relative_to(project)}:{line}' if line else f'{source.relative_to(project)}'


# --- where pages land ----------------------------------------------------------


def language_of(path: str) -> str:
    """The language of a URL path: the one with the longest matching root."""
    return max((lang for lang in LANGUAGES if path.startswith(language_root(lang))), key=lambda lang: len(language_root(lang)))


def lang_root(site: Path, lang: str) -> Path:
    """The folder of a language in the built site."""
    return site / language_root(lang).strip('/')


def built_page(site: Path, lang: str, page: Path | str) -> Path:
    """Where MkDocs writes a page (use_directory_urls: a.md -> a/index.html)."""
    stem = Path(page).with_suffix('')
    folder = stem.parent if stem.name in ('index', 'README') else stem
    return lang_root(site, lang) / folder / 'index.html'


def url_of(site: Path, html: Path) -> str:
    """The URL path of a built page, the site being served at the root."""
    folder = html.parent.relative_to(site).as_posix()
    return '/' if folder == '.' else f'/{folder}/'


def page_url(lang: str, page: Path | str) -> str:
    """The URL path of a page of docs/<lang>/: '/', '/zh/guide/names/'."""
    site = Path('/site')
    return url_of(site, built_page(site, lang, page))


def all_built_pages(site: Path) -> list[tuple[str, Path, Path]]:
    """(language, page relative to docs/<lang>/, its built HTML) of every page."""
    return [(lang, page, built_page(site, lang, page)) for lang in LANGUAGES for page in site_pages(lang)]


@functools.cache
def _parsed(path: Path, mtime_ns: int) -> BeautifulSoup:
    return BeautifulSoup(path.read_text('utf-8'), 'html.parser')


def soup(path: Path, mutable: bool = False) -> BeautifulSoup:
    """A built page, parsed once per run (html.parser takes a quarter of a
    second for a page) and shared: read it, never change it. `mutable` gives
    a tree of its own, which the caller may change."""
    if mutable:
        return BeautifulSoup(path.read_text('utf-8'), 'html.parser')
    return _parsed(path, path.stat().st_mtime_ns)


# --- what a page loads ---------------------------------------------------------

# What makes a browser fetch something: (tag, attribute).
LOADING_ATTRIBUTES = [
    ('script', 'src'),
    ('link', 'href'),
    ('img', 'src'),
    ('img', 'srcset'),
    ('source', 'src'),
    ('source', 'srcset'),
    ('iframe', 'src'),
    ('video', 'src'),
    ('audio', 'src'),
    ('embed', 'src'),
    ('object', 'data'),
]
# <link rel=...> values that only name a document, without loading it.
NON_LOADING_LINKS = {'alternate', 'canonical', 'next', 'prev', 'author', 'license', 'help', 'search'}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def is_remote(url: str) -> bool:
    return bool(urlsplit(url).netloc) or url.startswith('//')


def loads(doc: BeautifulSoup) -> list[tuple[str, str]]:
    """Everything in a page that makes the browser fetch: (what, URL)."""
    found = []
    for tag, attribute in LOADING_ATTRIBUTES:
        for element in doc.find_all(tag, attrs={attribute: True}):
            if tag == 'link' and NON_LOADING_LINKS.issuperset(element.get('rel', [])):
                continue
            urls = [part.split()[0] for part in element[attribute].split(',')] if 'srcset' in attribute else [element[attribute]]
            found += [(f'<{tag} {attribute}="{url}">', url) for url in urls]
    for element in doc.find_all(style=True):
        found += [(f'style="url({m[0] or m[1]})"', m[0] or m[1]) for m in CSS_URL.findall(element['style'])]
    for style in doc.find_all('style'):
        found += [(f'<style> loading {m[0] or m[1]}', m[0] or m[1]) for m in CSS_URL.findall(style.get_text())]
    return found


def remote_loads(doc: BeautifulSoup) -> list[tuple[str, str]]:
    """What in a page makes the browser fetch from another host."""
    return [(what, url) for what, url in loads(doc) if is_remote(url)]


# --- serving -------------------------------------------------------------------


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
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A tab that closes while a file is still being sent is no fault of the
        # site; anything else is printed as usual.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass(frozen=True)
class Served:
    """A built site, served at the root of `base` (http://127.0.0.1:<port>;
    the home pages' language switch links to absolute paths)."""

    site: Path
    base: str

    def path(self, lang: str, page: Path | str) -> str:
        """The URL path of a page: '/', '/zh/guide/names/'."""
        return page_url(lang, page)

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve(site: Path) -> Iterator[Served]:
    """Serve `site` on 127.0.0.1, on a free port, from a thread."""
    server = _Server(('127.0.0.1', 0), functools.partial(_Host, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(site, f'http://127.0.0.1:{server.server_port}')
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
