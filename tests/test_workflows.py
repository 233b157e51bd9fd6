"""The GitHub workflows in .github/workflows: zizmor, GitHub Actions' static
analyser, finds nothing in them, and CI on GitHub runs what .ci/run runs.

zizmor runs offline (`--offline`): its offline audits read only the files
(actions pinned by commit SHA, checkouts that keep no credentials, template
injection, permissions, ...), so this test needs no network, like the rest.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pages import ROOT

WORKFLOWS = ROOT / '.github' / 'workflows'
DOCS_WORKFLOW = WORKFLOWS / 'docs.yml'


def where(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    zizmor = Path(sys.executable).parent / 'zizmor'  # installed in the same environment (requirements.txt)
    if not zizmor.exists():
        pytest.fail(f'{zizmor} is missing: `make install` installs zizmor from requirements.txt', pytrace=False)
    result = subprocess.run(
        [str(zizmor), '--offline', '--no-progress', '--color=never', '--show-audit-urls=always', where(WORKFLOWS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(
            f'zizmor --offline {where(WORKFLOWS)} exited {result.returncode}; fix what it reports '
            f'(each finding names the file and line):\n{result.stdout or result.stderr}',
            pytrace=False,
        )


def test_the_test_job_runs_what_ci_runs() -> None:
    """GitHub checks what .ci/run checks (the install, then `make test` with the
    network off where it can), not a command of its own that could drift."""
    workflow = yaml.safe_load(DOCS_WORKFLOW.read_text('utf-8'))
    steps = workflow.get('jobs', {}).get('test', {}).get('steps', [])
    runs = [step['run'] for step in steps if 'run' in step]
    assert any('.ci/run' in run.split() for run in runs), f'{where(DOCS_WORKFLOW)}: the job `test` must run `bash .ci/run`; its steps run: {runs}'
