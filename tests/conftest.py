"""What many tests share, made once per run: the built site, its server, and
a copy of the project for the guards. The browser's fixtures are in
tests/browser/conftest.py.

Nothing here is hidden from a reader of the pages: the examples run as
pasted, with no setup from this file (tests/test_docs.py).
"""

from __future__ import annotations

import importlib
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock

from built_site import Served, build, serve
from pages import ROOT

# The guards (test_guards.py) run pytest on a copy of the project inside
# this process, with pytest's own `pytester`, as pytest-examples' tests do;
# xdist_groups.py keeps each xdist_group in one test process.
pytest_plugins = ['pytester', 'xdist_groups']

# What a copy of the project needs to build and test itself.
PROJECT_FILES = ['docs', 'examples', 'hooks', 'overrides', 'tests', 'mkdocs.yml', 'search_words_zh.txt', 'pytest.ini', 'README.md']
# What it uses as it is, linked: installed, not part of what a guard plants in.
PROJECT_LINKS = ['node_modules']


# --- what the run cost, for `make bench` (scripts/bench.py reads the line) ----------

_axe_runs_of_workers: list[int] = []


def _axe_runs() -> int:
    browser = sys.modules.get('browser')  # tests/browser/__init__.py, if any browser test ran here
    return getattr(browser, 'axe_runs', 0)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if hasattr(session.config, 'workeroutput'):  # a pytest-xdist worker: tell the controller
        session.config.workeroutput['axe_runs'] = _axe_runs()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    _axe_runs_of_workers.append(node.workeroutput.get('axe_runs', 0))


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """One line: how much of the tests' time (added over every test process)
    the browser tests took, and how many times axe-core ran."""
    reports = [report for reports in terminalreporter.stats.values() for report in reports if isinstance(report, pytest.TestReport)]
    total = sum(report.duration for report in reports)
    browser = sum(report.duration for report in reports if report.nodeid.startswith('tests/browser/'))
    if browser and not hasattr(config, 'workeroutput'):
        axe = sum(_axe_runs_of_workers) + _axe_runs()
        terminalreporter.write_line(f'browser tests: {browser:.0f} s of {total:.0f} s of test time ({browser / total:.0%}); axe-core ran {axe} times')


@pytest.fixture(scope='session')
def site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The site, built once per run as `make build` builds it (strict): a
    failure names each bad link's page and line. With several test processes
    (`make test` runs pytest-xdist), the first one to get here builds it, under
    a lock, and the others wait for it and use the same build."""
    if worker_id == 'master':  # one process: its own folder
        out = tmp_path_factory.mktemp('site')
        return out if not (problems := build(out)) else _failed(problems)
    shared = tmp_path_factory.getbasetemp().parent  # this run's folder, above each process's own
    out, outcome = shared / 'site', shared / 'site-build.json'
    with FileLock(str(shared / 'site-build.lock')):
        if not outcome.exists():
            outcome.write_text(json.dumps(build(out)), 'utf-8')
    problems = json.loads(outcome.read_text('utf-8'))
    return out if not problems else _failed(problems)


def _failed(problems: list[str]) -> Path:
    pytest.fail('mkdocs build --strict failed:\n' + '\n'.join(problems), pytrace=False)


@pytest.fixture(scope='session')
def served(site: Path) -> Iterator[Served]:
    """The built site on http://127.0.0.1:<port>/."""
    with serve(site) as hosted:
        yield hosted


def copy_project(to: Path) -> Path:
    to.mkdir(exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if not source.exists():
            continue
        if source.is_dir():
            # symlinks=True keeps docs/<lang>/notebooks pointing at the copy's examples/
            shutil.copytree(source, to / name, symlinks=True, ignore=shutil.ignore_patterns('__pycache__', '.pytest_cache'))
        else:
            shutil.copy2(source, to / name)
    for name in PROJECT_LINKS:
        if (ROOT / name).exists():
            (to / name).symlink_to(ROOT / name)
    return to


@pytest.fixture(scope='session')
def loaded_once() -> None:
    """pytester unloads, after each test, the modules imported during it;
    numpy's core (under TensorFlow) cannot be loaded a second time in a
    process. So a guard's run finds TensorFlow imported already, as
    test_docs.py imports it: an import only, which runs nothing (the examples
    are forked from this process)."""
    importlib.import_module('tensorflow')
    importlib.import_module('tf_keras')


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project, for a guard that builds or tests it in another
    process (this one then needs no TensorFlow)."""
    return copy_project(tmp_path / 'project')


@pytest.fixture
def project(loaded_once: None, pytester: pytest.Pytester) -> Path:
    """A copy of the project, for a guard to plant a defect in: pytester's
    folder, which is the working directory while the test runs."""
    return copy_project(pytester.path)
