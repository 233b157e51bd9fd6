"""The cheat sheet's cells are the outputs of verified examples, never typed.

An example feeds a cell by a `cheat` setting in its fence; its column is the
label of the content tab it sits in (or a `mode` setting outside tabs):

    === "TF2 eager"

        ```{.py cheat="reentered-name-scope"}

In docs/<lang>/cheatsheet.md, each table row starts with a link to the section
where its examples are, whose anchor is the row's `cheat` id; the header names
the columns. Every other cell must be the `#>` output of the example for that
row and column (one code span per printed line), or "—" where there is none.
`make update` rewrites the cells from the examples (after refreshing the
examples themselves); this test fails, naming the cell, when one differs, and
naming the example when one feeds a cell but shows no output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from pages import DEFAULT_LANGUAGE, DOCS, LANGUAGES, Fence, fences, pages

CHEATSHEET = 'cheatsheet.md'
NONE = '—'


@dataclass
class Source:
    fence: Fence
    page: Path  # relative to docs/<lang>/
    row: str
    mode: str
    cell: str


def sources(lang: str = DEFAULT_LANGUAGE) -> list[Source]:
    found = []
    for page in pages(lang):
        for fence in fences(DOCS / lang / page):
            settings = fence.settings
            if 'cheat' not in settings:
                continue
            mode = settings.get('mode') or fence.tab_label
            assert mode, f'{fence}: a cheat example must sit in a content tab, or say mode="..."'
            outputs = [line.strip()[3:] for line in fence.code.splitlines() if line.strip().startswith('#> ')]
            cell = '<br>'.join(f'`{output}`' for output in outputs) or NONE
            found.append(Source(fence, page, settings['cheat'], mode, cell))
    return found


_ROW_LINK = re.compile(r'^\|\s*\[[^\]]+\]\((?P<page>[^)#]+)#(?P<row>[\w-]+)\)\s*\|')


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip('|').split('|')]


def expected_table(lang: str) -> tuple[list[str], list[str]]:
    """The cheat sheet's lines as they are, and as the examples say they must be."""
    path = DOCS / lang / CHEATSHEET
    lines = path.read_text('utf-8').splitlines()
    by_key = {(s.row, s.mode): s for s in sources(lang)}
    header = next((cells(line) for line in lines if line.startswith('|')), None)
    assert header, f'docs/{lang}/{CHEATSHEET} has no table'
    wanted = list(lines)
    for n, line in enumerate(lines):
        m = _ROW_LINK.match(line)
        if not m:
            continue
        row_cells = cells(line)
        new = [row_cells[0]] + [by_key[(m['row'], mode)].cell if (m['row'], mode) in by_key else NONE for mode in header[1:]]
        wanted[n] = '| ' + ' | '.join(new) + ' |'
    return lines, wanted


@pytest.mark.parametrize('lang', LANGUAGES)
def test_cells_are_the_examples_outputs(lang: str, request) -> None:
    path = DOCS / lang / CHEATSHEET
    lines, wanted = expected_table(lang)
    if request.config.getoption('update_examples'):
        if lines != wanted:
            path.write_text('\n'.join(wanted) + '\n', 'utf-8')
        return
    header = next(cells(line) for line in lines if line.startswith('|'))
    problems = []
    for n, (line, want) in enumerate(zip(lines, wanted), 1):
        for mode, got, expected in zip(header[1:], cells(line)[1:], cells(want)[1:]):
            if got != expected:
                problems.append(f'docs/{lang}/{CHEATSHEET}:{n}: the "{mode}" cell says {got}, the examples say {expected}')
    assert not problems, '\n'.join(problems) + '\n(`make update` rewrites the cells from the examples)'


@pytest.mark.parametrize('lang', LANGUAGES)
def test_every_row_links_to_its_examples(lang: str) -> None:
    path = DOCS / lang / CHEATSHEET
    found = sources(lang)
    rows = {}
    for n, line in enumerate(path.read_text('utf-8').splitlines(), 1):
        m = _ROW_LINK.match(line)
        if m:
            rows[m['row']] = (n, m['page'])
    problems = []
    for row, (n, page) in rows.items():
        pages_with_row = {s.page.as_posix() for s in found if s.row == row}
        if page not in pages_with_row:
            problems.append(
                f'docs/{lang}/{CHEATSHEET}:{n}: row "{row}" links to {page}, but its examples are in {", ".join(sorted(pages_with_row)) or "no page"}'
            )
    problems += [f'{s.fence}: cheat="{s.row}" has no row in docs/{lang}/{CHEATSHEET}' for s in found if s.row not in rows]
    assert not problems, '\n'.join(problems)


@pytest.mark.parametrize('lang', LANGUAGES)
def test_every_cheat_example_shows_an_output(lang: str) -> None:
    """A cell is what its example prints: an example that prints nothing
    (its print no longer runs, and `make update` took the output away) would
    turn the cell into a dash without a word."""
    silent = [f'{s.fence}: feeds the cheat sheet row "{s.row}" ({s.mode}), but shows no `#>` output' for s in sources(lang) if s.cell == NONE]
    assert not silent, '\n'.join(silent)


@pytest.mark.parametrize('lang', LANGUAGES)
def test_every_column_is_a_mode_of_the_examples(lang: str) -> None:
    header = next(cells(line) for line in (DOCS / lang / CHEATSHEET).read_text('utf-8').splitlines() if line.startswith('|'))
    modes = {s.mode for s in sources(lang)}
    missing = sorted(modes - set(header[1:]))
    assert not missing, f'docs/{lang}/{CHEATSHEET}: examples have modes with no column: {missing}'
