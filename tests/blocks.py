"""How a page's code blocks are run and checked against what the page shows:
shared by tests/test_docs.py, which runs each block in a fresh child, and
tests/test_in_order.py, which runs a page's blocks one after the other.

The blocks run in children forked from the test process (forked.py). This
module imports TensorFlow for them, once, and never runs it.
"""

from __future__ import annotations

import gc
import inspect
import re
import sys
import traceback
from pathlib import Path
from textwrap import indent

from pytest_examples import CodeExample, EvalExample
from pytest_examples.lint import code_diff
from pytest_examples.run_code import InsertPrintStatements, run_code

from forked import Hung
from outputs import Output, Shown

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


def timeout_of(example: CodeExample) -> float:
    """The seconds a block may take before it counts as hung: its fence's `timeout`, or 60."""
    return float(example.prefix_settings().get('timeout', DEFAULT_TIMEOUT))


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


def compare(example: CodeExample, printed: InsertPrintStatements, evaluator: EvalExample, update: bool | None = None) -> dict:
    """The outcome of a block that ran: nothing when the page shows exactly
    what its prints wrote; otherwise a failure naming the page line, or, when
    updating (by default, under --update-examples), the block rebuilt from
    what TensorFlow printed."""
    shown = Shown.of(example)
    rebuilt, orphans = shown.rebuild(printed)
    if shown.matches(rebuilt):
        return {}
    if evaluator.update_examples if update is None else update:
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
