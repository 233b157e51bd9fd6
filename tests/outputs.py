"""The outputs a page shows, and the outputs TensorFlow really printed.

pytest-examples, asked to check a block, compares the output shown under each
`print` that ran and ignores the outputs under prints that did not run: an
`except` branch that stopped firing keeps showing its old error, and passes.
So the block's shown outputs are not checked in place. They are taken out
(`Shown`), the block runs as the page has it (outputs are comments and string
statements, so line numbers stay the page's), and the outputs are put back
from the prints that really ran (`Shown.rebuilt`). The page is right when the
rebuilt block is the page's block; an output that nothing put back was printed
by no print (`Shown.orphans`).
"""

from __future__ import annotations

import ast
import dataclasses
import re
from dataclasses import dataclass

from pytest_examples import CodeExample
from pytest_examples.run_code import (
    InsertPrintStatements,
    comment_prefix_re,
    find_print_location,
    triple_quotes_prefix_re,
)


@dataclass(frozen=True)
class Output:
    """Lines of a block (1-based, in the block) that show an output."""

    first: int
    last: int
    print_line: int | None  # the line of the print it stands under, if any


def _print_lines(example: CodeExample) -> list[int]:
    """The line of every `print(...)` statement of the block."""
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(example.source))
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name) and node.value.func.id == 'print'
    )


def _outputs(example: CodeExample) -> list[Output]:
    """Every output the block shows: the `#>` lines and triple-quoted blocks
    right under a print, where pytest-examples writes them (one per call, so a
    print in a loop has several, of either form), and any other `#>` line,
    which stands under no print."""
    lines = example.source.splitlines()
    found: list[Output] = []
    claimed: set[int] = set()
    for print_line in _print_lines(example):
        after, _ = find_print_location(example, print_line)  # the line the output follows
        last = after  # 1-based, so lines[last] is the line below it
        while last < len(lines):
            if comment_prefix_re.search(lines[last]):
                last += 1
            elif triple_quotes_prefix_re.search(lines[last]):
                closing = (n for n in range(last + 2, len(lines) + 1) if triple_quotes_prefix_re.search(lines[n - 1]))
                end = next(closing, None)
                if end is None:
                    break
                last = end
            else:
                break
        if last > after:
            found.append(Output(after + 1, last, print_line))
            claimed.update(range(after + 1, last + 1))
    for n, line in enumerate(lines, 1):
        if n not in claimed and comment_prefix_re.search(line):
            found.append(Output(n, n, None))
    return sorted(found, key=lambda output: output.first)


@dataclass
class Shown:
    """A block of a page, with the outputs it shows taken out."""

    example: CodeExample
    outputs: list[Output]
    bare: CodeExample  # the block without its outputs
    bare_line: dict[int, int]  # block line -> line in `bare`, for every line that is not an output

    @classmethod
    def of(cls, example: CodeExample) -> Shown:
        outputs = _outputs(example)
        output_lines = {n for output in outputs for n in range(output.first, output.last + 1)}
        kept = [(n, line) for n, line in enumerate(example.source.splitlines(), 1) if n not in output_lines]
        bare = dataclasses.replace(example, source=''.join(line + '\n' for _, line in kept))
        return cls(example, outputs, bare, {n: i for i, (n, _) in enumerate(kept, 1)})

    def rebuild(self, printed: InsertPrintStatements) -> tuple[str, list[Output]]:
        """The block with the outputs of the prints that ran, where
        pytest-examples puts them, and the outputs the page shows under a
        print that did not run, or under no print at all.

        `printed` was recorded while the page's block ran, so its lines are
        the block's; they are moved into `bare` here.
        """
        for statement in printed.print_statements():
            statement.line_no = self.bare_line[statement.line_no]
        ran = {find_print_location(self.bare, s.line_no)[0] for s in printed.print_statements()}
        orphans = [output for output in self.outputs if output.print_line is None or self.bare_line[output.first - 1] not in ran]
        return printed.updated_print_statements(self.bare) or self.bare.source, orphans

    def matches(self, rebuilt: str) -> bool:
        # pytest-examples' own rule: trailing spaces that an editor removed do not count.
        return self.example.source in (rebuilt, re.sub(r'[ \t]+\n', '\n', rebuilt))

    def page_line(self, line: int) -> int:
        """The page line of a line of the block."""
        return self.example.start_line + line
