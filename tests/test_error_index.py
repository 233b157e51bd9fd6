"""The error catalogue's index of errors shown on other pages is not typed.

docs/<lang>/errors.md ends with tables, one row per error that another page
shows with its example:

    | `NotFoundError` | [`Key model/encoder/b not found in checkpoint`](saving/tf1-checkpoints.md#missing-name) | Compare ... |

The message in a row is a link to the section whose examples print it. This
test fails, naming the row, unless that section's outputs (its `#>` lines and
triple-quoted output blocks, which test_docs.py checks against TensorFlow)
contain the message and the error's type. So the index says nothing that no
example printed, and a row follows its section when TensorFlow's wording
changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from pages import DOCS, LANGUAGES, fences, headings, shown_outputs

CATALOGUE = 'errors.md'
# | `Type` | [`message`](page.md#anchor) | fix |, the message in single or
# double backticks (a message with backticks in it needs double ones).
_ROW = re.compile(
    r'^\|\s*`(?P<type>\w+)`\s*\|\s*\[(?P<ticks>`{1,2}) ?(?P<message>.+?) ?(?P=ticks)\]'
    r'\((?P<page>[^)#]+)#(?P<anchor>[\w-]+)\)\s*\|'
)


@dataclass
class Row:
    line: int
    type: str
    message: str
    page: str
    anchor: str


def rows(lang: str) -> list[Row]:
    lines = (DOCS / lang / CATALOGUE).read_text('utf-8').splitlines()
    return [Row(n, m['type'], m['message'], m['page'], m['anchor']) for n, line in enumerate(lines, 1) if (m := _ROW.match(line))]


def section_text(path: Path, anchor: str) -> tuple[str, str] | None:
    """The code and the outputs of the examples in the section with that id
    (up to the next heading of the same or a higher level), or None if the
    page has no such section."""
    found = headings(path)
    start = next((h for h in found if h.id == anchor), None)
    if start is None:
        return None
    end = next((h.line for h in found if h.line > start.line and h.level <= start.level), float('inf'))
    code = '\n'.join(f.code for f in fences(path) if start.line < f.line < end)
    return code, shown_outputs(code)


def squeeze(text: str) -> str:
    return ' '.join(text.split())


@pytest.mark.parametrize('lang', LANGUAGES)
def test_every_indexed_message_is_printed_where_it_links(lang: str) -> None:
    found = rows(lang)
    assert found, f'docs/{lang}/{CATALOGUE} has no index rows: has its table format changed?'
    problems = []
    for row in found:
        where = f'docs/{lang}/{CATALOGUE}:{row.line}'
        target = DOCS / lang / row.page
        section = section_text(target, row.anchor) if target.exists() else None
        if section is None:
            problems.append(f'{where}: links to {row.page}#{row.anchor}, which does not exist')
            continue
        code, outputs = section
        if squeeze(row.message) not in squeeze(outputs):
            problems.append(f'{where}: no example in {row.page}#{row.anchor} prints `{row.message}`')
        if row.type not in code:
            problems.append(f'{where}: the examples in {row.page}#{row.anchor} never name {row.type}')
    assert not problems, '\n'.join(problems)


def test_both_languages_index_the_same_errors() -> None:
    """The rows are the same errors, in the same order, in every language."""
    by_lang = {lang: [(r.type, r.message, r.page, r.anchor) for r in rows(lang)] for lang in LANGUAGES}
    first, *others = LANGUAGES
    for lang in others:
        assert by_lang[lang] == by_lang[first], (
            f'docs/{lang}/{CATALOGUE} and docs/{first}/{CATALOGUE} index different errors: {sorted(set(by_lang[lang]) ^ set(by_lang[first]))}'
        )
