"""Drift watch: would the pages still show what they show with another TensorFlow?

    make test-tf TF=2.15.1        (python3 scripts/tensorflow_drift.py 2.15.1)
    make test-tf TF=latest        (the newest tensorflow-cpu on the package index)

Every output on the pages and in the notebooks was printed by the TensorFlow
that requirements.in pins. This makes a separate environment,
.venv-tf-<version>, with requirements.in's packages but that TensorFlow (and
the tf-keras of the same minor release, where the index has one), runs the
pages' examples (tests/test_docs.py) and the notebooks (tests/test_notebooks.py)
in it as they stand, without rewriting anything, and reports each block that
prints something else, with the tests' own diff, and each block that cannot
run there. The report goes to the terminal and to .drift/<version>.txt.

Exit status: 0 when every block prints what the pages show; 1 when any block
differs or cannot run; 2 when the environment could not be made or the tests
could not start.

The same file is the pytest plugin (`-p tensorflow_drift`) that records, in
the drift environment's pytest, what each test reported; it uses only the
standard library, so the interpreter that runs `make` can run it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The tests that compare printed outputs with the shown ones, and nothing else
# (test_docs.py's other tests check the pages' text, or name the pinned version).
TESTS = [
    'tests/test_docs.py::test_example',
    'tests/test_notebooks.py::test_stored_outputs_are_what_a_fresh_run_prints',
]
TENSORFLOW_PACKAGES = {'tensorflow', 'tensorflow-cpu', 'tf-keras'}
RESULTS_VARIABLE = 'TENSORFLOW_DRIFT_RESULTS'
# The tests' failure messages end with advice for the pinned TensorFlow
# ("`make update` rewrites the page from it"), which does not apply here.
MAKE_UPDATE_ADVICE = re.compile(r' ?\(`make update`[^)]*\)')
ANSI = re.compile(r'\x1b\[[0-9;]*m')


# -- The pytest plugin, loaded in the drift environment's pytest ------------

_recorded: dict[str, Any] = {'passed': [], 'failed': []}


def pytest_runtest_logreport(report: Any) -> None:
    if report.when == 'call' and report.passed:
        _recorded['passed'].append(report.nodeid)


def pytest_exception_interact(node: Any, call: Any, report: Any) -> None:
    """A test, or the collection of a test file, raised: keep the message the
    test wrote (tests/test_docs.py fails with `page:line: ...` and the diff)."""
    error = call.excinfo.value
    message = str(error)
    if hasattr(error, 'ename'):  # nbclient's CellExecutionError: the cell and its error, without the colours
        source = ANSI.sub('', message).split('------------------')
        message = f'a cell raised {error.ename}: {error.evalue}\n' + (source[1].strip('\n') if len(source) > 2 else '')
    _recorded['failed'].append({'test': node.nodeid, 'when': getattr(report, 'when', 'collect'), 'type': call.excinfo.typename, 'message': message})


def pytest_sessionfinish(session: Any, exitstatus: int) -> None:
    Path(os.environ[RESULTS_VARIABLE]).write_text(json.dumps(_recorded, indent=1), 'utf-8')


# -- The drift environment ---------------------------------------------------


class Trouble(Exception):
    """The environment could not be made, or the tests could not start."""


def run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    print('+', ' '.join(command), flush=True)
    return subprocess.run(command, text=True, **kwargs)


def pinned(name: str, path: Path) -> str:
    """The version a requirements file pins for a package (`name==version`)."""
    m = re.search(rf'^{re.escape(name)}==([^\s;]+)', path.read_text('utf-8'), re.M)
    if m is None:
        raise Trouble(f'{path.relative_to(ROOT)}: no `{name}==` line')
    return m[1]


def newest_tensorflow() -> str:
    """The newest tensorflow-cpu that this Python can install, as pip sees the index."""
    result = run([sys.executable, '-m', 'pip', 'index', 'versions', 'tensorflow-cpu'], capture_output=True)
    m = re.match(r'tensorflow-cpu \(([^)]+)\)', result.stdout)
    if result.returncode != 0 or m is None:
        raise Trouble(f'pip index versions tensorflow-cpu did not name a version:\n{result.stdout}{result.stderr}')
    return m[1]


def requirements(version: str, with_tf_keras: bool) -> str:
    """requirements.in with that TensorFlow in place of the pinned one."""
    lines = [
        line
        for line in (ROOT / 'requirements.in').read_text('utf-8').splitlines()
        if re.split(r'[\s=<>~!;\[]', line.strip(), maxsplit=1)[0].lower() not in TENSORFLOW_PACKAGES
    ]
    minor = '.'.join(version.split('.')[:2])
    lines += [
        '# The TensorFlow under test (tensorflow-cpu where it exists, as in requirements.in)',
        f'tensorflow-cpu=={version} ; sys_platform == "linux" and platform_machine == "x86_64"',
        f'tensorflow=={version} ; sys_platform != "linux" or platform_machine != "x86_64"',
    ]
    if with_tf_keras:
        lines.append(f'tf-keras~={minor}.0')
    return '\n'.join(lines) + '\n'


def make_environment(version: str, venv: Path) -> str | None:
    """Make (or bring up to date) the environment; return its tf-keras version, if any.

    tf-keras requires `tensorflow`, which on Linux x86-64 comes in besides
    tensorflow-cpu (as with requirements.txt): the constraint keeps it the
    same version, so that both packages' files are the same.
    """
    python = venv / 'bin' / 'python'
    made_from = venv / 'drift-requirements.txt'  # what the environment was last made from
    if not python.exists():
        uv = pinned('uv', ROOT / 'requirements.txt')
        if (
            run([sys.executable, '-m', 'venv', str(venv)]).returncode != 0
            or run([str(python), '-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', f'uv=={uv}']).returncode != 0
        ):
            raise Trouble(f'could not make {venv} with uv {uv}')

    def install(wanted: str) -> subprocess.CompletedProcess[str] | None:
        if made_from.exists() and made_from.read_text('utf-8') == wanted:
            return None
        with tempfile.TemporaryDirectory() as tmp:
            requested, constraint = Path(tmp) / 'requirements.in', Path(tmp) / 'constraints.txt'
            requested.write_text(wanted, 'utf-8')
            constraint.write_text(f'tensorflow=={version}\n', 'utf-8')
            result = run(
                [str(venv / 'bin' / 'uv'), 'pip', 'install', '--python', str(python), '-r', str(requested), '-c', str(constraint)], capture_output=True
            )
        sys.stderr.write(result.stderr)
        if result.returncode == 0:
            made_from.write_text(wanted, 'utf-8')
        return result

    result = install(requirements(version, with_tf_keras=True))
    if result is not None and result.returncode != 0 and 'tf-keras' in result.stderr:
        print(f'tensorflow_drift: no tf-keras {".".join(version.split(".")[:2])} on the package index; going on without it', file=sys.stderr)
        result = install(requirements(version, with_tf_keras=False))
    if result is not None and result.returncode != 0:
        raise Trouble(f"could not install TensorFlow {version} into {venv} (see uv's message above)")
    tf_keras = run([str(python), '-c', 'import importlib.metadata as m; print(m.version("tf-keras"))'], capture_output=True)
    return tf_keras.stdout.strip() if tf_keras.returncode == 0 else None


# -- The run and its report --------------------------------------------------


@dataclass
class Finding:
    where: str  # page:line, notebook, or test file
    text: str  # the test's message: where, what, and the diff
    differs: bool  # prints something else (False: cannot run there)
    only_version: bool = False  # what differs is the printed version itself


def prints_only_the_version(diff: str, pages_version: str, version: str) -> bool:
    """Whether a diff's removed lines become its added lines once the pages'
    TensorFlow version is replaced by the one that ran: a block such as
    `print(tf.__version__)` differs on every new release, and says nothing
    about names. Such blocks are listed, and do not fail the watch."""
    removed = [line[1:] for line in diff.splitlines() if line.startswith('-') and not line.startswith('---')]
    added = [line[1:] for line in diff.splitlines() if line.startswith('+') and not line.startswith('+++')]
    return bool(removed) and [line.replace(pages_version, version) for line in removed] == added


def findings(recorded: dict[str, Any]) -> list[Finding]:
    found = []
    for failure in recorded['failed']:
        message = MAKE_UPDATE_ADVICE.sub('', failure['message']).rstrip()
        test = failure['test']
        if failure['when'] == 'collect':
            found.append(Finding(test, f'{test}: could not be collected: {failure["type"]}: {message}', differs=False))
        elif 'test_notebooks.py' in test and failure['type'] == 'AssertionError':
            # one problem per cell, each starting with `examples/...: cell N`
            for cell in re.split(r'\n(?=examples/\S+: cell \d+ )', message):
                found.append(Finding(cell.split(' (', 1)[0], cell, differs=True))
        elif 'test_notebooks.py' in test:
            notebook = test.split('[', 1)[-1].rstrip(']')
            found.append(Finding(notebook, f'{notebook}: {message}', differs=False))
        else:
            first = message.splitlines()[0] if message else test
            differs = bool(re.search(r'printed differs from the page|shows an output that no print wrote', first))
            found.append(Finding(first.split(': ', 1)[0], message, differs))
    return sorted(found, key=lambda f: [int(part) if part.isdigit() else part for part in re.split(r'(\d+)', f.where)])


def report(version: str, tf_keras: str | None, recorded: dict[str, Any], seconds: float) -> tuple[str, int, int]:
    found = findings(recorded)
    pages_version = pinned('tensorflow-cpu', ROOT / 'requirements.in')
    for finding in found:
        finding.only_version = finding.differs and prints_only_the_version(finding.text, pages_version, version)
    versions = sum(f.only_version for f in found)
    differ = sum(f.differs and not f.only_version for f in found)
    cannot = sum(not f.differs for f in found)
    blocks = sum('test_docs.py' in t for t in recorded['passed']) + sum('test_docs.py' in f['test'] and f['when'] != 'collect' for f in recorded['failed'])
    notebooks = sum('test_notebooks.py' in t for t in recorded['passed']) + sum(
        'test_notebooks.py' in f['test'] and f['when'] != 'collect' for f in recorded['failed']
    )
    summary = (
        f"TensorFlow {version} (tf-keras {tf_keras or 'none'}) against the pages' TensorFlow {pages_version}: "
        f'{differ} blocks differ, {cannot} cannot run, {versions} print only the version '
        f'(of {blocks} page blocks and {notebooks} notebooks; {seconds:.0f} s)'
    )
    sections = [
        f"Drift watch: what the pages' examples and notebooks print with TensorFlow {version}.",
        'Nothing was rewritten: each entry below is a block that prints something else than its page shows, or that cannot run.',
    ]
    kinds = (
        ('Blocks that print something else', lambda f: f.differs and not f.only_version),
        ('Blocks that cannot run', lambda f: not f.differs),
        ('Blocks that print only the version (not counted)', lambda f: f.only_version),
    )
    for title, kind in kinds:
        entries = [f.text for f in found if kind(f)]
        sections.append(f'== {title}: {len(entries)}\n\n' + '\n\n'.join(entries))
    sections.append(summary)
    return '\n\n'.join(sections) + '\n', differ, cannot


def run_tests(venv: Path, results: Path) -> dict[str, Any]:
    env = {
        **os.environ,
        'PYTHONPATH': os.pathsep.join(filter(None, [str(Path(__file__).parent), os.environ.get('PYTHONPATH')])),
        'PATH': os.pathsep.join([str(venv / 'bin'), os.environ.get('PATH', '')]),  # the notebooks' kernel is this Python
        'VIRTUAL_ENV': str(venv),
        RESULTS_VARIABLE: str(results),
    }
    command = [
        str(venv / 'bin' / 'python'), '-m', 'pytest', *TESTS,
        '-p', 'tensorflow_drift', '-p', 'no:randomly',
        '--assert=plain',  # the tests' messages as written, without pytest's explanation of the assert
        '--continue-on-collection-errors', '--tb=no', '-rN', '-q',
    ]  # fmt: skip
    result = run(command, cwd=ROOT, env=env)
    if result.returncode not in (0, 1) or not results.exists():
        raise Trouble(f'pytest exited {result.returncode} (see its output above): the tests did not run')
    recorded: dict[str, Any] = json.loads(results.read_text('utf-8'))
    if not recorded['passed'] and not recorded['failed']:
        raise Trouble(f'no test ran: are {", ".join(TESTS)} still the tests that compare outputs?')
    return recorded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('version', help='a TensorFlow release, for example 2.15.1, or "latest"')
    args = parser.parse_args()
    try:
        version = newest_tensorflow() if args.version == 'latest' else args.version
        if not re.fullmatch(r'\d+\.\d+\.\d+(\.post\d+|rc\d+)?', version):
            raise Trouble(f'{version!r} is not a TensorFlow version (for example 2.15.1, or latest)')
        venv = ROOT / f'.venv-tf-{version}'
        started = time.monotonic()
        tf_keras = make_environment(version, venv)
        with tempfile.TemporaryDirectory() as tmp:
            recorded = run_tests(venv, Path(tmp) / 'results.json')
    except Trouble as trouble:
        print(f'tensorflow_drift: {trouble}', file=sys.stderr)
        return 2
    text, differ, cannot = report(version, tf_keras, recorded, time.monotonic() - started)
    out = ROOT / '.drift' / f'{version}.txt'
    out.parent.mkdir(exist_ok=True)
    out.write_text(text, 'utf-8')
    print(f'\n{text}\n(this report is also in {out.relative_to(ROOT)})')
    return 1 if differ or cannot else 0


if __name__ == '__main__':
    sys.exit(main())
