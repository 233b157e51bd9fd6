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
import gc
import inspect
import re
import sys
import traceback
import warnings
from pathlib import Path
from textwrap import indent

import pytest
from pytest_examples import CodeExample, EvalExample
from pytest_examples.lint import code_diff
from pytest_examples.run_code import InsertPrintStatements, run_code

from forked import Hung, run_forked_many
from outputs import Output, Shown
from pages import EXAMPLES, earlier_in_group, group_of

# This process is the one every example is forked from, so it imports, once,
# what the examples import. Those imports make half a million objects that
# live as long as the process: the collector would scan them again and again
# while they are made (half a second), so it waits, and is then told to leave
# them alone.
gc.disable()
import tensorflow  # noqa: E402, F401  (imported once, for every forked example)

# tf-keras too, rather than in each child that uses it (0.6 s each: nearly
# half of all the examples' time). Like TensorFlow's, its import only defines
# things: it reads no environment, so a block may still set TF_USE_LEGACY_KERAS
# before its `import tensorflow`, and it runs no TensorFlow.
import tf_keras  # noqa: E402, F401

gc.freeze()
gc.enable()

# With several test processes (pytest-xdist), the examples all run in one:
# it forks them, as many at a time as there are cores (forked.py).
pytestmark = pytest.mark.xdist_group('examples')

DOCS = Path(__file__).resolve().parent.parent / 'docs'


def first_changed_line(diff: str) -> int | str:
    """The page line of the first change in pytest-examples' diff, whose hunk
    headers carry page line numbers."""
    line = None
    for text in diff.splitlines():
        text = text[2:]  # pytest-examples indents its diff by two spaces
        if text.startswith('@@'):
            line = int(text.split()[1].lstrip('-').split(',')[0])
        elif line is not None and text[:1] in ('-', '+'):
            return line
        elif line is not None:
            line += 1
    return '?'


def where(example: CodeExample, line: int | str) -> str:
    return f'{example.path.relative_to(DOCS.parent)}:{line}'


class BlockRaised(Exception):
    """A block raised; the message names the page line."""


def run(example: CodeExample, action, module_globals: dict) -> dict:
    """Run one block with a pytest-examples action; if the block raises, say
    which page line raised.

    pytest-examples rewrites the traceback to point into the page, but on
    Python 3.11 pytest crashes (INTERNALERROR) while printing that rewritten
    traceback, which would end the whole run. So it is reported here instead,
    without it.
    """
    try:
        return action(example, module_globals=module_globals)
    except Exception as exc:  # any error of the block is the failure
        error = exc
    lines = [n for frame, n in traceback.walk_tb(error.__traceback__) if frame.f_code.co_filename == str(example.path)]
    line = lines[-1] if lines else example.start_line
    page = example.path.read_text('utf-8').splitlines()
    shown = page[line - 1].strip() if 0 < line <= len(page) else ''
    raise BlockRaised(f'{where(example, line)}: the block raised {type(error).__name__}: {error}\n  {line} | {shown}')


DEFAULT_TIMEOUT = 60


def frames_only_stack(context: int = 1) -> list[inspect.FrameInfo]:
    """inspect.stack() without source lookups, for the forked child.

    pytest-examples finds the line of each print() with inspect.stack(),
    which maps every frame to its module by scanning the 3,000 modules
    TensorFlow loads: two thirds of a small example's time. It only uses each
    frame and its file name, which the frame itself has.
    """
    frame, frames = sys._getframe(1), []
    while frame is not None:
        frames.append(inspect.FrameInfo(frame, frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name, None, None))
        frame = frame.f_back
    return frames


def run_printing(evaluator: EvalExample, example: CodeExample, module_globals: dict) -> tuple[InsertPrintStatements, dict]:
    """Run the page's block as it stands, recording what each print writes."""
    python_file = evaluator.tmp_path / f'{example.module_name}.py'
    python_file.write_text(example.source)
    return run_code(
        example=example,
        python_file=python_file,
        loader=None,
        config=evaluator.config,
        enable_print_mock=True,
        print_callback=None,
        include_print=None,
        module_globals=module_globals,
        call=None,
    )


def compare(example: CodeExample, printed: InsertPrintStatements, evaluator: EvalExample) -> dict:
    """The outcome of a block that ran: nothing when the page shows exactly
    what its prints wrote; otherwise a failure naming the page line, or, when
    updating, the block rebuilt from what TensorFlow printed."""
    shown = Shown.of(example)
    rebuilt, orphans = shown.rebuild(printed)
    if shown.matches(rebuilt):
        return {}
    if evaluator.update_examples:
        removed = [f'{where(example, shown.page_line(o.first))}: removed an output that no print wrote: {unprinted(shown, o)}' for o in orphans]
        return {'source': rebuilt, 'removed': removed}
    diff = indent(code_diff(example, rebuilt, evaluator.config), '  ')
    if orphans:
        first = orphans[0]
        return {
            'failure': f'{where(example, shown.page_line(first.first))}: the page shows an output that no print wrote: '
            f'{unprinted(shown, first)} (`make update` removes it)\n{diff}'
        }
    return {
        'failure': f'{where(example, first_changed_line(diff))}: what TensorFlow printed differs '
        f'from the page (`make update` rewrites the page from it)\n{diff}'
    }


def unprinted(shown: Shown, output: Output) -> str:
    """Why no print wrote an output the page shows."""
    if output.print_line is None:
        return 'it stands under no print'
    return f'the print on line {shown.page_line(output.print_line)} did not run'


def block_id(example: CodeExample) -> str:
    """A block's name in its test id and in the results: 'docs/zh/errors.md:87'."""
    return where(example, example.start_line)


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


def hung_message(chain: list[CodeExample], evaluator: EvalExample, hung: Hung) -> str:
    """Name the page line a hung block was running, from the child's stack dump,
    and show the stack down to that line."""
    module_files = {str(evaluator.tmp_path / f'{ex.module_name}.py'): ex for ex in chain}
    stack = hung.stack.splitlines()
    for n, frame in enumerate(stack):  # most recent call first
        m = re.match(r'\s*File "(.+)", line (\d+)', frame)
        if m and m[1] in module_files:
            ex = module_files[m[1]]
            shown = '\n'.join(stack[: n + 1])
            return (
                f'{where(ex, int(m[2]) + ex.start_line)}: the block did not finish in {hung.seconds:g} s '
                f'(if it needs longer, give its fence a timeout="..."); it was here:\n{shown}'
            )
    return f'{where(chain[-1], chain[-1].start_line)}: the blocks did not finish in {hung.seconds:g} s:\n{hung.stack}'


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
            sum(float(ex.prefix_settings().get('timeout', DEFAULT_TIMEOUT)) for ex in chains[key]),
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
