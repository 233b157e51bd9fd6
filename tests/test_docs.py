"""Run every ```py block of every page, in both languages, against real TensorFlow.

A `#>` line (or a triple-quoted block) under a `print()` is what that print
writes. A block whose output differs fails with a diff that names the page and
its line numbers; so does a block that shows an output no print wrote (the
print is in an `except` that no longer fires, or an `if` no longer taken: see
outputs.py). `make update` (pytest --update-examples) rewrites the expected
outputs from what TensorFlow really printed, and removes those that nothing
printed, saying so in a warning.

Each block runs in a child forked from this process, which has imported
TensorFlow but never run it: what a reader's fresh Python has, so no block can
change what another prints, whatever the order.

Per-block settings go in the fence, in the brace form that MkDocs renders:

    ```{.py group="reentry" timeout="120"}

- `group`: blocks of one page that share a group form a session, a later block
  continuing the earlier ones as a reader who pasted them one after the other
  would. The earlier blocks run first, in the same child.
- `timeout`: seconds the block (with the earlier blocks of its group) may take
  before it counts as hung; 60 by default.
"""

from __future__ import annotations

import functools
import inspect
import warnings
from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample

from blocks import DOCS, BlockRaised, block_id, compare, frames_only_stack, hung_message, run, run_printing, timeout_of, where
from forked import Hung, run_forked_many
from pages import EXAMPLES, earlier_in_group, group_of

# With several test processes (pytest-xdist), the examples all run in one:
# it forks them, as many at a time as there are cores (forked.py).
pytestmark = pytest.mark.xdist_group('examples')


def check_chain(chain: list[CodeExample], checked: set[str], evaluator: EvalExample) -> dict[str, dict]:
    """Run the blocks of `chain` (a group, or one block) in order, checking
    or updating those in `checked` (by block_id); return their outcomes by block_id.

    Runs in the forked child, so it reports through its result instead of
    raising. A block after one that failed is not run: what it would print
    depends on the failed one.
    """
    inspect.stack = frames_only_stack
    outcomes: dict[str, dict] = {}
    module_globals: dict = {}
    failed = None
    for ex in chain:
        if failed is not None:
            if block_id(ex) in checked:
                outcomes[block_id(ex)] = {'failure': f'{where(ex, ex.start_line)}: not run, since the block it continues failed: {failed}'}
            continue
        try:
            if block_id(ex) not in checked:  # only run, for the blocks after it; checked by its own test
                module_globals = run(ex, evaluator.run, module_globals)
                continue
            printed, module_globals = run(ex, functools.partial(run_printing, evaluator), module_globals)
        except BlockRaised as raised:
            outcomes[block_id(ex)] = {'failure': str(raised)}
        else:
            outcomes[block_id(ex)] = compare(ex, printed, evaluator)
        if 'failure' in outcomes[block_id(ex)]:
            failed = outcomes[block_id(ex)]['failure'].splitlines()[0]
    return outcomes


@pytest.fixture(scope='session')
def outcomes(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """The outcome of every selected example, computed once for the session,
    as many children at a time as there are cores. Each child runs one block,
    or one group of blocks in page order, as a reader would paste them."""
    selected = [item.callspec.params['example'] for item in request.session.items if item.originalname == 'test_example']
    chains: dict[tuple, list[CodeExample]] = {}
    for ex in selected:
        key = (str(ex.path), group_of(ex)) if group_of(ex) else (str(ex.path), ex.start_line)
        last = max([ex, *chains.get(key, [ex])], key=lambda e: e.start_line)
        chains[key] = [*earlier_in_group(last), last]
    checked = {block_id(ex) for ex in selected}
    evaluators = {key: EvalExample(tmp_path=tmp_path_factory.mktemp('example'), pytest_request=request) for key in chains}
    # Slow chains (Keras, long groups) first, so that no core sits idle at the
    # end waiting for one of them.
    order = sorted(chains, key=lambda key: (not any('keras' in ex.source for ex in chains[key]), -len(chains[key])))
    jobs = {
        key: (
            functools.partial(check_chain, chains[key], checked, evaluators[key]),
            sum(timeout_of(ex) for ex in chains[key]),
        )
        for key in order
    }
    results: dict[str, dict] = {}
    for key, result in run_forked_many(jobs).items():
        for ex in chains[key]:
            if block_id(ex) not in checked:
                continue
            if isinstance(result, Hung):
                results[block_id(ex)] = {'failure': hung_message(chains[key], evaluators[key], result)}
            elif isinstance(result, BaseException):
                results[block_id(ex)] = {'failure': f'{where(ex, ex.start_line)}: {result}'}
            else:
                results[block_id(ex)] = result[block_id(ex)]
    return results


@pytest.mark.parametrize('example', EXAMPLES, ids=block_id)
def test_example(example: CodeExample, eval_example: EvalExample, outcomes: dict[str, dict]) -> None:
    result = outcomes[block_id(example)]
    if 'failure' in result:
        pytest.fail(result['failure'], pytrace=False)
    if result.get('source', example.source) != example.source:
        example.source = result['source']
        eval_example.to_update.append(example)  # pytest-examples rewrites the page at the end
    for removed in result.get('removed', []):
        warnings.warn(OutputRemoved(removed), stacklevel=1)


class OutputRemoved(UserWarning):
    """`make update` took an output off a page: the print above it no longer runs."""


def test_this_process_never_ran_tensorflow(outcomes: dict[str, dict]) -> None:
    """Every example runs in a child forked from this process. Had it run
    TensorFlow, the children would inherit its runtime without the threads
    that run it, and hang: what this process imports must only define things."""
    from tensorflow.python.eager import context

    ctx = context.context_safe()
    assert ctx is None or not ctx._initialized, (
        f"{Path(__file__).relative_to(DOCS.parent)}: the test process has started TensorFlow's runtime; "
        'the examples forked from it cannot run. Import nothing here that runs TensorFlow.'
    )
