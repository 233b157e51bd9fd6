"""Each page's blocks, run one after the other in one Python, as a reader who
follows the page in one notebook pastes them: each must print what the page
shows.

test_docs.py runs each block in a fresh child, which proves what a block
prints when pasted into a fresh Python. A notebook keeps what the blocks above
left behind, and TensorFlow and Keras keep state for the whole process: graph
or eager mode, the default graph, the root variable scope's reuse, Keras' name
counters (`dense`, `dense_1`). A block is made to print the same either way
(an explicit graph, an explicit name, `keras.backend.clear_session()` where the
page says why). A block that teaches that state, and so truly needs a fresh
Python, says so in its fence, in the page's language:

    ```{.py fresh="Keras counts the layer names of the whole process."}

and the site shows that above the block (hooks/fresh_python.py). The reader
restarts there: the blocks from it on run in a new child (after the earlier
blocks of its group, which the reader runs again). So that the note cannot
outlive its reason, the marked block is also run where the reader did not
restart, after the blocks above it, and must then print something else than
the page shows, or raise; if it prints the same, the note is stale.
"""

from __future__ import annotations

import functools
import inspect
from collections import defaultdict
from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample

from blocks import DOCS, BlockRaised, block_id, compare, frames_only_stack, hung_message, run, run_printing, timeout_of, where
from forked import Hung, run_forked_many
from pages import EXAMPLES, earlier_in_group

# In the process that runs the examples (test_docs.py), which has imported
# TensorFlow for them (blocks.py).
pytestmark = pytest.mark.xdist_group('examples')

PAGES: dict[Path, list[CodeExample]] = defaultdict(list)
for _example in EXAMPLES:
    PAGES[_example.path].append(_example)


def fresh(example: CodeExample) -> bool:
    return 'fresh' in example.prefix_settings()


@functools.cache
def sessions(path: Path) -> list[tuple[list[CodeExample], list[CodeExample]]]:
    """The page's blocks as a reader runs them, split where a block asks for
    a fresh Python: (blocks run again first, unchecked: the earlier blocks of
    the marked block's group), (blocks checked, in page order)."""
    found: list[tuple[list[CodeExample], list[CodeExample]]] = [([], [])]
    for ex in PAGES[path]:
        if fresh(ex):
            found.append((earlier_in_group(ex), []))
        found[-1][1].append(ex)
    return [session for session in found if session[1]]


def follow(replayed: list[CodeExample], checked: list[CodeExample], then_fresh: CodeExample | None, evaluator: EvalExample) -> dict[str, dict]:
    """In the forked child: run `replayed`, then `checked` in order in one
    Python, comparing each of `checked` with its page; then `then_fresh`, the
    next block that asks for a fresh Python, here without one, recording only
    whether it printed what the page shows ({'same': True})."""
    inspect.stack = frames_only_stack
    module_globals: dict = {}
    outcomes: dict[str, dict] = {}
    for ex in replayed:
        try:
            module_globals = run(ex, evaluator.run, module_globals)
        except BlockRaised as raised:
            return {block_id(checked[0]): {'failure': f'the blocks of its group above it, run again after a restart, raised: {raised}'}}
    for ex in [*checked, *([then_fresh] if then_fresh else [])]:
        try:
            printed, module_globals = run(ex, functools.partial(run_printing, evaluator), module_globals)
        except BlockRaised as raised:
            outcomes[block_id(ex)] = {'failure': str(raised)}
        else:
            outcomes[block_id(ex)] = compare(ex, printed, evaluator, update=False)
    if then_fresh is not None:
        outcomes[block_id(then_fresh)] = {'same': 'failure' not in outcomes[block_id(then_fresh)]}
    return outcomes


@pytest.fixture(scope='session')
def followed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[Path, list[str]]:
    """Every selected page followed in order, as many children at a time as
    there are cores: page -> its problems, each naming a page line."""
    paths = [item.callspec.params['path'] for item in request.session.items if item.originalname == 'test_page_in_order']
    jobs, evaluators = {}, {}
    for path in paths:
        runs = sessions(path)
        for n, (replayed, checked) in enumerate(runs):
            then_fresh = runs[n + 1][1][0] if n + 1 < len(runs) else None
            key = (path, n)
            evaluators[key] = EvalExample(tmp_path=tmp_path_factory.mktemp('in-order'), pytest_request=request)
            blocks = [*replayed, *checked, *([then_fresh] if then_fresh else [])]
            jobs[key] = (functools.partial(follow, replayed, checked, then_fresh, evaluators[key]), sum(timeout_of(ex) for ex in blocks))
    problems: dict[Path, list[str]] = {path: [] for path in paths}
    for (path, n), result in run_forked_many(jobs).items():
        replayed, checked = sessions(path)[n]
        if isinstance(result, Hung):
            problems[path].append(hung_message([*replayed, *checked], evaluators[path, n], result))
            continue
        if isinstance(result, BaseException):
            problems[path].append(f'{where(checked[0], checked[0].start_line)}: {result}')
            continue
        for ex in checked:
            outcome = result.get(block_id(ex), {})
            if 'failure' in outcome:
                problems[path].append(in_order_failure(ex, outcome['failure']))
        for ex in PAGES[path]:
            if result.get(block_id(ex), {}).get('same'):
                problems[path].append(stale(ex))
        if n == 0 and fresh(checked[0]):
            problems[path].append(stale(checked[0], first=True))
    return {path: sorted(found, key=page_line) for path, found in problems.items()}


def in_order_failure(example: CodeExample, failure: str) -> str:
    """A test_docs-style failure, reworded for a block that fails only after the blocks above it."""
    first, _, rest = failure.partition('\n')
    at = first.split(': ', 1)[0]
    what = first.split(': ', 1)[1] if ': ' in first else first
    what = what.replace(' (`make update` rewrites the page from it)', '').replace(' (`make update` removes it)', '')
    return (
        f'{at}: run after the blocks above it in one Python, as a reader following the page in one notebook would, {what}. '
        'Make the block print the same either way (an explicit graph, an explicit name), or, if it teaches '
        'what the whole process keeps, give its fence fresh="<why it needs a fresh Python>"' + (f'\n{rest}' if rest else '')
    )


def stale(example: CodeExample, first: bool = False) -> str:
    why = 'it is the first block of its page' if first else 'it prints what the page shows after the blocks above it too'
    return f'{where(example, example.start_line)}: the fence asks the reader for a fresh Python, but {why}: the note is stale; drop `fresh` from the fence'


def page_line(problem: str) -> int:
    head = problem.split(': ', 1)[0]
    return int(head.rsplit(':', 1)[1]) if head.rsplit(':', 1)[-1].isdigit() else 0


@pytest.mark.parametrize('path', sorted(PAGES), ids=lambda path: str(path.relative_to(DOCS.parent)))
def test_page_in_order(path: Path, followed: dict[Path, list[str]]) -> None:
    problems = followed[path]
    if problems:
        pytest.fail(f'{path.relative_to(DOCS.parent)}, followed in order in one Python:\n\n' + '\n\n'.join(problems), pytrace=False)
