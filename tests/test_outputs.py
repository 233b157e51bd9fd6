"""outputs.py finds the outputs a block shows where pytest-examples writes them."""

from __future__ import annotations

from pytest_examples import CodeExample

from outputs import Output, Shown

BLOCK = '''\
import sys

try:
    sys.exit(3)
except SystemExit as error:
    print(f'SystemExit: {error}')
    """
    SystemExit: 3
    """
print(
    'a',
    'b',
)
#> a b
x = 1
#> stray
for n in range(2):
    print(n)
    #> 0
    #> 1
'''


def test_every_output_is_found_with_the_print_it_stands_under() -> None:
    shown = Shown.of(CodeExample.create(BLOCK, start_line=10))
    assert shown.outputs == [Output(7, 9, 6), Output(14, 14, 10), Output(16, 16, None), Output(19, 20, 18)]
    assert '#>' not in shown.bare.source and 'SystemExit: 3' not in shown.bare.source
    assert shown.bare_line[18] == 13  # print(n), once the 5 output lines above it are taken out...
    assert shown.page_line(18) == 28  # ...and on the page, 10 lines below the block's start


LOOP = '''\
for n in range(3):
    print(n)
    """
    0
    """
    #> 1
    """
    2
    """
done = True
'''


def test_a_print_in_a_loop_owns_every_output_under_it_of_either_form() -> None:
    shown = Shown.of(CodeExample.create(LOOP))
    assert shown.outputs == [Output(3, 9, 2)]
    assert shown.bare.source == 'for n in range(3):\n    print(n)\ndone = True\n'
