"""Run every ```py block of every page, in both languages, against real TensorFlow.

A `#>` line (or a triple-quoted block) under a `print()` is what that print
writes. A block whose output differs fails with a diff that names the page and
its line numbers; `make update` (pytest --update-examples) rewrites the
expected output from what TensorFlow really printed.

Per-block settings go in the fence, in the brace form that MkDocs renders:

    ```{.py group="reentry"}

Blocks of one page that share a `group` form a session: a later block
continues the earlier ones, as a reader who pasted them one after the other
would. Each block is a test of its own, so before it runs, the earlier blocks
of its group are run again in fresh globals: results never depend on test
order or on running one page alone.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import pytest
import tensorflow as tf
from pytest_examples import CodeExample, EvalExample, find_examples

DOCS = Path(__file__).resolve().parent.parent / 'docs'
EXAMPLES = sorted(find_examples(DOCS), key=lambda ex: (str(ex.path), ex.start_line))


def group_of(example: CodeExample) -> str | None:
    return example.prefix_settings().get('group')


def earlier_in_group(example: CodeExample) -> list[CodeExample]:
    group = group_of(example)
    if group is None:
        return []
    return [
        ex
        for ex in EXAMPLES
        if ex.path == example.path and group_of(ex) == group and ex.start_line < example.start_line
    ]


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
    except Exception as exc:  # noqa: BLE001 - any error of the block is the failure
        error = exc
    lines = [n for frame, n in traceback.walk_tb(error.__traceback__) if frame.f_code.co_filename == str(example.path)]
    line = lines[-1] if lines else example.start_line
    page = example.path.read_text('utf-8').splitlines()
    shown = page[line - 1].strip() if 0 < line <= len(page) else ''
    raise BlockRaised(f'{where(example, line)}: the block raised {type(error).__name__}: {error}\n  {line} | {shown}')


@pytest.mark.parametrize('example', EXAMPLES, ids=lambda ex: where(ex, ex.start_line))
def test_example(example: CodeExample, eval_example: EvalExample) -> None:
    failure = None
    try:
        module_globals: dict = {}
        for earlier in earlier_in_group(example):
            # Unchecked here: each earlier block is checked by its own test.
            module_globals = run(earlier, eval_example.run, module_globals)
        if eval_example.update_examples:
            run(example, eval_example.run_print_update, module_globals)
        else:
            run(example, eval_example.run_print_check, module_globals)
    except BlockRaised as raised:
        failure = str(raised)
    except pytest.fail.Exception as wrong_output:
        diff = str(wrong_output)
        failure = (
            f'{where(example, first_changed_line(diff))}: what TensorFlow printed differs '
            f'from the page (`make update` rewrites the page from it)\n{diff}'
        )
    if failure is not None:  # failed outside the `except`, so that pytest shows the message once
        pytest.fail(failure, pytrace=False)

    # Every block must leave the process as a fresh Python has it. A block that
    # switched the whole process to graph mode would change what the blocks
    # after it print, which no reader pasting them one by one would see.
    assert tf.executing_eagerly(), (
        f'{example} left the process in graph mode (disable_eager_execution or '
        'disable_v2_behavior?); build TF1 graphs inside `with tf.Graph().as_default():` '
        'so that every block stands alone'
    )


def test_continuing_blocks_say_so() -> None:
    """A block that continues earlier ones must tell the reader, in its first line."""
    silent = [
        str(ex)
        for ex in EXAMPLES
        if earlier_in_group(ex) and not ex.source.lstrip().startswith('#')
    ]
    assert not silent, (
        'these blocks continue earlier blocks of their group but do not start with a '
        'comment saying so:\n  ' + '\n  '.join(silent)
    )


def test_readme_names_the_tensorflow_behind_the_outputs() -> None:
    readme = (DOCS.parent / 'README.md').read_text('utf-8')
    assert f'TensorFlow {tf.__version__}' in readme, (
        f'README.md: the outputs now come from TensorFlow {tf.__version__}; say so in the README'
    )
