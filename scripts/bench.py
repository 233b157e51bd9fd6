"""`make bench`: what writers and readers wait for, measured in one run.

Benchmarks, not tests: nothing here asserts a duration, and `make test` never
runs this file. It prints a table against the project's targets and writes
.bench/results.json. Run it on an otherwise idle machine: the figures are
wall-clock times. It builds and serves the site with the tests' own helpers
(tests/built_site.py), so both see the same pages.

    python scripts/bench.py [--setup]

--setup (make bench SETUP=1) also times making a virtual environment from
requirements.txt from scratch, the way `make install` does.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / 'tests'))
from built_site import build, loads, serve, soup  # noqa: E402

PYTHON = sys.executable
ONE_PAGE = 'en/lessons/variable-scope.md'  # the page a writer edits in one_page_s

TARGETS = {  # key: limit
    'test_s': 300,
    'test_per_import': 27,
    'notebooks_s': 30,
    'doc_examples_per_import': 2.0,
    'one_page_per_import': 1.5,
    'build_s': 10,
    'rebuild_s': 3,
    'page_kb_max': 450,
}


def timed(command: list[str], **kwargs) -> float:
    return timed_output(command, **kwargs)[0]


def timed_output(command: list[str], **kwargs) -> tuple[float, str]:
    """How long the command took, and what it printed."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs)
    if done.returncode:
        raise SystemExit(f'{" ".join(command)} failed (exit {done.returncode}), so it cannot be timed:\n{done.stdout[-4000:]}')
    return time.perf_counter() - start, done.stdout


# The line tests/conftest.py prints at the end of a run with browser tests.
BROWSER_SHARE = re.compile(r'browser tests: (\d+) s of (\d+) s of test time \(\d+%\); axe-core ran (\d+) times')


def pytest(*args: str) -> list[str]:
    return [PYTHON, '-m', 'pytest', '-q', '-p', 'no:randomly', *args]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read()
    except OSError:
        return None


def rebuild_seconds() -> float:
    """From saving a page under `mkdocs serve` until the new page is served."""
    port = free_port()
    page = ROOT / 'docs' / 'en' / 'errors.md'
    original = page.read_text('utf-8')
    # `make serve` itself, in a process group of its own, so that stopping it stops its mkdocs too.
    server = subprocess.Popen(
        ['make', '--no-print-directory', 'serve', f'PORT={port}'],
        cwd=ROOT,
        env={**os.environ, 'SITE_URL': f'http://127.0.0.1:{port}/'},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f'http://127.0.0.1:{port}/errors/'
    try:
        deadline = time.monotonic() + 120
        while fetch(url) is None:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError('mkdocs serve did not start')
            time.sleep(0.2)
        time.sleep(1)  # let the watcher settle
        marker = f'bench-{time.time_ns()}'
        start = time.perf_counter()
        page.write_text(original + f'\n{marker}\n', 'utf-8')
        while marker.encode() not in (fetch(url) or b''):
            if time.monotonic() > deadline + 120:
                raise RuntimeError('the edited page was never served')
            time.sleep(0.05)
        return time.perf_counter() - start
    finally:
        page.write_text(original, 'utf-8')
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def first_visit_kb(site: Path) -> list[float]:
    """Per page: the HTML plus the same-origin scripts, styles and images it
    loads, and the search index Material fetches on load (uncompressed)."""
    sizes = []
    with serve(site) as served:
        for html in sorted(site.rglob('index.html')):
            url = served.url('/' + html.parent.relative_to(site).as_posix() + '/').replace('/./', '/')
            text = html.read_text('utf-8')
            # The search index Material fetches: below the page's config base.
            app = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', text, re.S)[1])
            index_url = urljoin(urljoin(url, app['base']), 'search/search_index.json')
            total = len(text.encode()) + len(fetch(index_url) or b'')
            seen = set()
            for _, ref in loads(soup(html)):
                target = urljoin(url, ref)
                if urlsplit(target).netloc != urlsplit(served.base).netloc or target in seen:
                    continue
                seen.add(target)
                total += len(fetch(target) or b'')
            sizes.append(total / 1024)
    return sizes


def setup_seconds() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        for name in ('Makefile', 'requirements.txt'):
            shutil.copy2(ROOT / name, tmp)
        start = time.perf_counter()
        subprocess.run(['make', 'install'], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--setup', action='store_true', help='also time making .venv from scratch')
    args = parser.parse_args()

    results: dict[str, float] = {}
    results['tf_import_s'] = statistics.median(timed([PYTHON, '-c', 'import tensorflow']) for _ in range(3))
    # `make test` itself, timed whole: the browser tests included, in as many
    # processes as the Makefile asks for (its .venv and chromium are there by now).
    results['test_s'], printed = timed_output(['make', '--no-print-directory', 'test'])
    results['test_per_import'] = results['test_s'] / results['tf_import_s']
    if share := BROWSER_SHARE.search(printed):
        # Of the time the tests took, added over every test process.
        results['browser_share'] = int(share[1]) / int(share[2])
        results['axe_runs'] = int(share[3])
    results['doc_examples_s'] = timed(pytest('tests/test_docs.py', '-k', 'test_example'))
    results['doc_examples_per_import'] = results['doc_examples_s'] / results['tf_import_s']
    results['one_page_s'] = timed(pytest('tests/test_docs.py', '-k', f'test_example and {ONE_PAGE}'))
    results['one_page_per_import'] = results['one_page_s'] / results['tf_import_s']
    results['notebooks_s'] = timed(pytest('tests/test_notebooks.py', '-k', 'fresh'))
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / 'site'
        start = time.perf_counter()
        problems = build(site)
        results['build_s'] = time.perf_counter() - start
        if problems:
            raise SystemExit('mkdocs build --strict failed:\n' + '\n'.join(problems))
        sizes = first_visit_kb(site)
    results['rebuild_s'] = rebuild_seconds()
    results['page_kb_max'] = max(sizes)
    results['page_kb_median'] = statistics.median(sizes)
    if args.setup:
        results['setup_s'] = setup_seconds()

    out = ROOT / '.bench' / 'results.json'
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({k: round(v, 3) for k, v in results.items()}, indent=2) + '\n')
    print(f'{"measure":<26}{"value":>10}{"target":>10}')
    for key, value in results.items():
        target = TARGETS.get(key)
        verdict = '' if target is None else ('  ok' if value <= target else '  over')
        print(f'{key:<26}{value:>10.2f}{"" if target is None else f"<= {target:g}":>10}{verdict}')
    print(f'\nwritten to {out.relative_to(ROOT)}')


if __name__ == '__main__':
    main()
