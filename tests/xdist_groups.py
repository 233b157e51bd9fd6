"""A pytest plugin: keep each `xdist_group` in one test process under
`make test` (pytest-xdist with --dist loadgroup).

pytest-xdist 3.8 tells its scheduler a test's group by appending "@<group>"
to `item._nodeid`, which pytest 9.2 no longer reads: every group was spread
over the processes, and each process ran all the examples
(https://github.com/pytest-dev/pytest-xdist/issues/1386, open). This does the
same on pytest 9's node id. Delete it, and its name in tests/conftest.py's
pytest_plugins, once xdist does it itself: tests/test_runner.py checks the
grouping with and without it.
"""

from __future__ import annotations

import pytest
from _pytest.nodeid import NodeId


@pytest.hookimpl(trylast=True)  # after xdist's own attempt
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not getattr(config.option, 'loadgroup', False):
        return
    for item in items:
        names = sorted({str(mark.args[0] if mark.args else mark.kwargs.get('name', 'default')) for mark in item.iter_markers('xdist_group')})
        group = '_'.join(names)
        if names and not item.nodeid.endswith('@' + group):
            item._id = NodeId.parse(f'{item.nodeid}@{group}')
