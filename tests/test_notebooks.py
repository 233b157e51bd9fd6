"""Run every notebook in examples/ with a real Jupyter kernel and compare what
it prints with the outputs stored in the notebook.

Notebooks are committed with their outputs, so readers see them on the site
and on GitHub. A fresh run that prints anything else fails, naming the
notebook and the cell; `make update` (pytest --update-examples) stores the
fresh outputs instead.

Every language has the same notebooks, with the same code and outputs
(comments aside; a test checks it). So each notebook is run once, in the
default language, and all at once, a kernel each; the other languages'
stored outputs are compared with that run.

Stored notebooks are normalised so that diffs stay reviewable: numbered cell
ids, no execution timings or kernel versions, and no stderr output
(TensorFlow's log lines carry timestamps and differ on every run). A test
fails if a notebook was saved otherwise.
"""

from __future__ import annotations

import asyncio
import difflib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from pages import DEFAULT_LANGUAGE, EXAMPLES_DIR, LANGUAGES, ROOT, without_comments

NOTEBOOKS = sorted(EXAMPLES_DIR.rglob('*.ipynb'))
CELL_TIMEOUT = 300  # seconds; a cell that takes longer counts as hung


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb = nbformat.from_dict(nb)
    nb.metadata = {
        'kernelspec': {'display_name': 'Python 3', 'language': 'python', 'name': 'python3'},
        'language_info': {'name': 'python'},
    }
    count = 0
    for n, cell in enumerate(nb.cells, 1):
        cell.id = f'cell-{n}'
        cell.metadata = {}
        if cell.cell_type != 'code':
            cell.pop('outputs', None)
            cell.pop('execution_count', None)
            continue
        count += 1
        cell.execution_count = count if cell.get('outputs') is not None else None
        outputs = []
        for output in cell.get('outputs', []):
            if output.output_type == 'stream' and output.name == 'stderr':
                continue
            output.pop('metadata', None) if output.output_type == 'stream' else output.update(metadata={})
            if output.output_type == 'execute_result':
                output.execution_count = count
            if outputs and output.output_type == 'stream' and outputs[-1].output_type == 'stream':
                outputs[-1].text += output.text  # one stdout block per cell, however it was flushed
                continue
            outputs.append(output)
        cell.outputs = outputs
    return nb


def client(path: Path, workdir: Path) -> NotebookClient:
    return NotebookClient(
        nbformat.read(path, as_version=4),
        kernel_name='python3',
        timeout=CELL_TIMEOUT,
        resources={'metadata': {'path': str(workdir)}},  # files the notebook writes land here
    )


def run_all(paths: list[Path], workdir: Path) -> dict[Path, nbformat.NotebookNode]:
    """Run notebooks, each in a kernel of its own, all at once; each one's
    fresh, normalised notebook. A notebook that raises or hangs raises here."""
    clients = {path: client(path, workdir / path.stem) for path in paths}
    for path in paths:
        (workdir / path.stem).mkdir()

    async def run() -> None:
        await asyncio.gather(*(c.async_execute() for c in clients.values()))

    # In a thread of its own: this process may have an event loop running
    # already (Playwright's, for the browser tests), and asyncio.run refuses
    # to start a second one in the same thread.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, run()).result()
    return {path: normalise(c.nb) for path, c in clients.items()}


def ran_as(path: Path) -> Path:
    """The notebook whose run stands for `path`: its twin in the default language."""
    return EXAMPLES_DIR / DEFAULT_LANGUAGE / path.name


@pytest.fixture(scope='session')
def fresh_runs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[Path, nbformat.NotebookNode]:
    """A fresh run of each notebook that the selected tests compare with."""
    selected = [item.callspec.params['path'] for item in request.session.items if item.originalname == 'test_stored_outputs_are_what_a_fresh_run_prints']
    return run_all(sorted({ran_as(path) for path in selected}), tmp_path_factory.mktemp('notebooks'))


def with_outputs_of(nb: nbformat.NotebookNode, run: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """`nb` with the outputs of `run`, a run of its twin: the same code cells
    in the same order (test_every_language_has_the_notebook_... checks it)."""
    nb = nbformat.from_dict(nb)
    ran = [cell for cell in run.cells if cell.cell_type == 'code']
    code = [cell for cell in nb.cells if cell.cell_type == 'code']
    assert len(ran) == len(code), 'the notebook and its twin in the default language have different code cells'
    for cell, twin in zip(code, ran):
        cell.outputs = twin.outputs
        cell.execution_count = twin.execution_count
    return normalise(nb)


def shown(output: nbformat.NotebookNode) -> str:
    """An output as a reader sees it."""
    if output.output_type == 'stream':
        return output.text
    if output.output_type == 'error':
        return f'{output.ename}: {output.evalue}\n'
    return output.get('data', {}).get('text/plain', '') + '\n'


def first_line(cell: nbformat.NotebookNode) -> str:
    return next((line for line in cell.source.splitlines() if line.strip() and not line.startswith('#')), '')


def where(path: Path) -> str:
    return str(path.relative_to(ROOT))


# With several test processes (pytest-xdist), one runs every notebook, all at once.
@pytest.mark.xdist_group('notebooks')
@pytest.mark.parametrize('path', NOTEBOOKS, ids=where)
def test_stored_outputs_are_what_a_fresh_run_prints(path: Path, fresh_runs: dict, request: pytest.FixtureRequest) -> None:
    stored = nbformat.read(path, as_version=4)
    fresh = with_outputs_of(stored, fresh_runs[ran_as(path)])
    if request.config.getoption('update_examples'):
        nbformat.write(fresh, path)
        return
    problems = []
    for n, (old, new) in enumerate(zip(stored.cells, fresh.cells), 1):
        if old.cell_type != 'code':
            continue
        before = ''.join(shown(o) for o in old.get('outputs', []))
        after = ''.join(shown(o) for o in new.outputs)
        if before != after:
            diff = ''.join(difflib.unified_diff(before.splitlines(True), after.splitlines(True), 'stored', 'fresh run'))
            problems.append(f'{where(path)}: cell {n} ({first_line(new)!r}) printed something else than it stores:\n{diff}')
    assert not problems, '\n'.join(problems) + '\n(`make update` stores what a fresh run prints)'


@pytest.mark.parametrize('path', NOTEBOOKS, ids=where)
def test_stored_notebook_is_normalised(path: Path) -> None:
    stored = path.read_text('utf-8')
    wanted = nbformat.writes(normalise(nbformat.reads(stored, as_version=4))) + '\n'
    assert stored == wanted, f'{where(path)} was saved with timings, kernel versions or stderr; `make update` normalises it'


@pytest.mark.parametrize('name', sorted({p.name for p in NOTEBOOKS}))
def test_every_language_has_the_notebook_with_the_same_code_and_outputs(name: str) -> None:
    paths = [EXAMPLES_DIR / lang / name for lang in LANGUAGES]
    missing = [where(p) for p in paths if not p.exists()]
    assert not missing, f'missing translations of {name}: {", ".join(missing)}'
    notebooks = [nbformat.read(p, as_version=4) for p in paths]
    reference = notebooks[0]
    problems = []
    for path, nb in zip(paths[1:], notebooks[1:]):
        code = [c for c in nb.cells if c.cell_type == 'code']
        ref_code = [c for c in reference.cells if c.cell_type == 'code']
        if len(code) != len(ref_code):
            problems.append(f'{where(path)} has {len(code)} code cells, {where(paths[0])} has {len(ref_code)}')
            continue
        for a, b in zip(ref_code, code):
            if without_comments(a.source, 'py') != without_comments(b.source, 'py') or [shown(o) for o in a.outputs] != [shown(o) for o in b.outputs]:
                problems.append(
                    f'{where(paths[0])} cell {a.id} and {where(path)} cell {b.id} differ (comments aside):\n'
                    + ''.join(difflib.unified_diff((a.source + '\n').splitlines(True), (b.source + '\n').splitlines(True)))
                )
    assert not problems, '\n'.join(problems)


def test_notebooks_are_pages_of_the_site() -> None:
    """Each notebook is in the navigation, like the pages (the site links examples/<lang>/ as docs/<lang>/notebooks/)."""
    nav = (ROOT / 'mkdocs.yml').read_text('utf-8')
    missing = [where(p) for p in NOTEBOOKS if p.parent.name == 'en' and f'notebooks/{p.name}' not in nav]
    assert not missing, f'not in the nav of mkdocs.yml: {missing}'
    for lang in LANGUAGES:
        link = ROOT / 'docs' / lang / 'notebooks'
        assert link.is_symlink() and link.resolve() == (EXAMPLES_DIR / lang).resolve(), f'docs/{lang}/notebooks must link to examples/{lang}'
