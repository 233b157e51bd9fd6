"""Every Python block pastes into the plain `python` prompt.

The home page tells readers to paste the examples into Python. The plain
interactive prompt (Python 3.11's, not IPython's or Jupyter's) reads a paste
line by line: a blank line ends an indented block, so a blank line inside a
class or a `with` body breaks the rest of it ("unexpected indent"), and code
that goes on at the left margin right after an indented block, without a
blank line between, is a syntax error. `codeop` is the compiler the prompt
itself uses to decide whether a statement is complete, so feeding it the block
line by line finds the same errors a reader would see.
"""

from __future__ import annotations

import codeop
import warnings
from pathlib import Path

import pytest

from pages import DOCS, LANGUAGES, ROOT, Fence, fences, pages

BLOCKS = [
    fence
    for lang in LANGUAGES
    for page in pages(lang)
    for fence in fences(DOCS / lang / page)
    if fence.info.split(' ')[0].strip('{').lstrip('.') in ('py', 'python')
]


def first_paste_error(code: str) -> tuple[int, str] | None:
    """The line (1-based, in the block) and message of the first error the
    plain prompt reports when the block is pasted into it, or None."""
    compiler = codeop.CommandCompiler()
    statement: list[str] = []
    for number, line in enumerate(code.splitlines(), 1):
        statement.append(line)
        try:
            with warnings.catch_warnings():
                # Invalid escape sequences in outputs are the examples' own business.
                warnings.simplefilter('ignore')
                complete = compiler('\n'.join(statement), '<stdin>', 'single')
        except SyntaxError as error:
            return number, f'{type(error).__name__}: {error.msg}'
        if complete is not None:
            statement = []
    return None


@pytest.mark.parametrize('fence', BLOCKS, ids=str)
def test_block_pastes_into_the_plain_python_prompt(fence: Fence) -> None:
    error = first_paste_error(fence.code)
    if error is not None:
        line, message = error
        pytest.fail(
            f'{fence.path.relative_to(ROOT)}:{fence.line + line}: pasted into the plain python prompt, '
            f'this block fails here with {message}. A blank line ends an indented block there: '
            'remove blank lines inside indented code, and put one blank line where indented code '
            'ends and code at the left margin begins.',
            pytrace=False,
        )


@pytest.mark.parametrize(
    ('code', 'error'),
    [
        ('for x in [1]:\n    y = x\n\nprint(y)\n', None),
        ('class A:\n    a = 1\n\n    b = 2\n', (4, 'IndentationError: unexpected indent')),
        ('for x in [1]:\n    y = x\nprint(y)\n', (3, 'SyntaxError: invalid syntax')),
        ('try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print(e)\n    """\n    x\n\n    """\n', None),
    ],
)
def test_the_check_sees_what_the_prompt_sees(code: str, error: tuple[int, str] | None) -> None:
    assert first_paste_error(code) == error


def test_every_language_has_python_blocks() -> None:
    assert {Path(fence.path).relative_to(DOCS).parts[0] for fence in BLOCKS} == set(LANGUAGES)
