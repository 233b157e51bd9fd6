"""The test runner itself: what `make test` relies on to run the tests in
several processes (tests/xdist_groups.py), checked on a few throwaway tests
with pytest's own `pytester`."""

from __future__ import annotations

import re

import pytest

from pages import ROOT

GROUPED = """
import pytest

pytestmark = pytest.mark.xdist_group('one')

@pytest.mark.parametrize('n', range(8))
def test_grouped(n):
    pass

@pytest.mark.parametrize('n', range(8))
@pytest.mark.xdist_group('other')
def test_other(n):
    pass
"""


def workers_by_group(pytester: pytest.Pytester, *plugins: str) -> dict[str, set[str]]:
    pytester.makepyfile(test_groups=GROUPED)
    pytester.makeini('[pytest]\naddopts = -p no:randomly -p no:cacheprovider\n')
    args = ['-n', '2', '--dist', 'loadgroup', '-v', *[arg for plugin in plugins for arg in ('-p', plugin)]]
    result = pytester.runpytest_subprocess(*args)
    assert result.ret == 0, result.stdout.str()[-2000:]
    seen: dict[str, set[str]] = {}
    for worker, test in re.findall(r'^\[(gw\d)\] .*PASSED test_groups\.py::(test_\w+)', result.stdout.str(), re.M):
        seen.setdefault(test, set()).add(worker)
    assert set(seen) == {'test_grouped', 'test_other'}, result.stdout.str()[-2000:]
    return seen


def test_each_group_runs_in_one_process(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv('PYTHONPATH', str(ROOT / 'tests'))
    seen = workers_by_group(pytester, 'xdist_groups')
    spread = {test: sorted(workers) for test, workers in seen.items() if len(workers) > 1}
    assert not spread, f'with tests/xdist_groups.py, a group still ran in several processes: {spread}'


def test_the_workaround_is_still_needed(pytester: pytest.Pytester) -> None:
    """Without tests/xdist_groups.py, pytest-xdist spreads a group over the
    processes (pytest-dev/pytest-xdist#1386). When it no longer does, this
    fails: delete the workaround."""
    seen = workers_by_group(pytester)
    assert any(len(workers) > 1 for workers in seen.values()), (
        'pytest-xdist now keeps each xdist_group in one process by itself: delete tests/xdist_groups.py and its name in tests/conftest.py'
    )
