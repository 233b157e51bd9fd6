"""A failing browser test leaves a screenshot of each tab it had open in
.browser-failures/, and its report names the files (tests/browser/conftest.py):
checked on a test planted in a copy of the project, run by a pytest of its
own (this process's browser is already running, and Playwright runs one per
process)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

PLANTED = """
from pathlib import Path


def test_fails_on_a_page(tab, served):
    tab.open(served.path('en', Path('glossary.md')), settle=False)
    assert False, 'the planted failure'
"""


@pytest.mark.guards
def test_a_failing_browser_test_leaves_a_screenshot_and_names_it(project_copy: Path) -> None:
    (project_copy / 'tests' / 'browser' / 'test_planted_failure.py').write_text(PLANTED, 'utf-8')
    result = subprocess.run(
        [sys.executable, '-m', 'pytest', '-q', '-p', 'no:randomly', '-p', 'no:cacheprovider', 'tests/browser/test_planted_failure.py'],
        cwd=project_copy,
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1 and 'the planted failure' in output, f'the planted test did not fail as planted:\n{output[-3000:]}'
    named = re.search(r'(\.browser-failures/\S+\.png) \(http://127\.0\.0\.1:\d+/glossary/\)', output)
    assert named, f'the failure does not name a screenshot of the page it had open:\n{output[-3000:]}'
    shot = project_copy / named[1]
    assert shot.is_file() and shot.stat().st_size > 10_000, f'{named[1]} is missing or (nearly) empty'
