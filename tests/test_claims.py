"""Claims that cannot go stale: a sentence that generalises (never, always,
only, every, all, cannot; 从不, 总是, 只, 所有, 一律, 无法) names the blocks that
show it, so that the example a claim stands on cannot vanish unnoticed.

TensorFlow's naming has many cases, and a sentence about every case is the
kind a review most often finds false (../shared/reviews/). So each such
sentence ends with a marker, invisible to readers (hooks/claim_markers.py
removes it from the page), naming the blocks, by the id in their fence, that
show the claim at its boundary or in the mode the sentence is narrowed to:

    Re-entering a name scope never renames it eagerly. <!-- shown by #eager-reentry -->

    ```{.py #eager-reentry}

A block of another page is named by its path: `<!-- shown by ../guide/reuse.md#auto-reuse -->`.
A notebook's markdown cells follow the same rule, and name its code cells by
their ids (`<!-- shown by #cell-6 -->`); Jupyter does not draw the comment.
The test fails, naming page and line, for a generalising sentence with no
marker, a marker whose block is gone, and a page whose markers differ from
its translation's (the same claims, in the same order, in every language).
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pages import (
    DEFAULT_LANGUAGE,
    DOCS,
    EXAMPLES_DIR,
    LANGUAGES,
    ROOT,
    fences,
    headings,
    headings_in,
    notebook_pages,
    notebook_source,
    pages,
    without_code_blocks,
)

# The words that make a sentence a claim about every case, per language.
# Chinese needs fewer: its sentences that translate an English claim must
# carry the same markers anyway (test_markers_match_the_translation).
GENERALISING = {
    'en': re.compile(r"\b(?:never|always|only|every(?:thing|where|one)?|all|cannot|can't)\b", re.I),
    'zh': re.compile(r'从不|从未|从来|总是|始终|永远|只(?!是)|所有|一律|无法|每一|每个|绝不|任何'),
}

MARKER = re.compile(r'<!--\s*shown by\s+(?P<refs>[^>]*?)\s*-->')
_REF = re.compile(r'^(?P<page>[\w./-]+\.md)?#(?P<id>[\w-]+)$')

# Where a sentence ends: after its full stop, and the markers right after it.
_SENTENCE_END = re.compile(r'(?:(?<=[.!?])(?=\s)|(?<=[。！？]))(?:\s*' + MARKER.pattern + r')*')
_INLINE_CODE = re.compile(r'(`+)(?!`).+?(?<!`)\1(?!`)', re.S)


@dataclass
class Sentence:
    where: str  # 'docs/en/guide/reuse.md:12', or 'examples/en/01-x.ipynb: cell cell-3, line 2'
    text: str  # the words, without code, link targets or markers
    refs: list[str]  # what its markers name

    def __str__(self) -> str:
        return self.where


def _blank(match: re.Match[str]) -> str:
    """Keep the lines of what is dropped, so that line numbers stay the page's."""
    return '\n' * match[0].count('\n')


def prose_units(text: str, heading_lines: set[int]) -> Iterator[tuple[int, str]]:
    """Markdown's prose as (first line, text): paragraphs, list items and
    table rows, without code blocks, headings or front matter."""
    text = without_code_blocks(re.sub(r'\A---\n.*?\n---\n', _blank, text, flags=re.S))  # and front matter
    unit: list[str] = []
    start = 0
    for n, line in enumerate([*text.splitlines(), ''], 1):
        stripped = line.strip()
        new_unit = not stripped or n in heading_lines or re.match(r'([-*+]|\d+\.|\|)\s', stripped) or stripped.startswith(('!!!', '???', '==='))
        if new_unit and unit:
            yield start, '\n'.join(unit)
            unit = []
        if stripped and n not in heading_lines and not stripped.startswith(('!!!', '???', '===')) and not re.fullmatch(r'\|?[\s:|-]+\|?', stripped):
            if not unit:
                start = n
            unit.append(stripped)


def sentences(path: Path) -> Iterator[Sentence]:
    """The sentences of a page, or of a notebook's markdown cells."""
    if path.suffix == '.ipynb':
        for cell in json.loads(path.read_text('utf-8'))['cells']:
            if cell['cell_type'] == 'markdown':
                text = ''.join(cell['source'])
                yield from _sentences(
                    text, {h.line for h in headings_in(text)}, lambda line, cell=cell: f'{path.relative_to(ROOT)}: cell {cell.get("id")}, line {line}'
                )
    else:
        location = lambda line: f'{path.relative_to(ROOT)}:{line}'  # noqa: E731
        yield from _sentences(path.read_text('utf-8'), {h.line for h in headings(path)}, location)


def _sentences(text: str, heading_lines: set[int], location: Callable[[int], str]) -> Iterator[Sentence]:
    for line, unit in prose_units(text, heading_lines):
        # A unit's lines are joined by newlines, so that each sentence knows its own line.
        # Inline code (`x`, ``x``) holds names, not claims, and its full stops end no sentence.
        unit = _INLINE_CODE.sub(lambda code: '‹code›' + '\n' * code[0].count('\n'), unit)
        pos = 0
        for end in [*_SENTENCE_END.finditer(unit), None]:
            piece = unit[pos : end.end() if end else len(unit)]
            pos = end.end() if end else len(unit)
            if not piece.strip():
                continue
            refs = [ref for m in MARKER.finditer(piece) for ref in m['refs'].split()]
            words = MARKER.sub('', piece)
            words = re.sub(r'\]\([^)]*\)', ']', words)  # link targets
            skipped = len(piece) - len(piece.lstrip())
            yield Sentence(location(line + unit.count('\n', 0, pos - len(piece) + skipped)), ' '.join(words.split()), refs)


def block_ids(path: Path) -> set[str]:
    """The ids given to the page's code blocks in their fences ({.py #eager-reentry}),
    or a notebook's code cells' own ids (cell-4)."""
    if path.suffix == '.ipynb':
        return {cell['id'] for cell in json.loads(path.read_text('utf-8'))['cells'] if cell['cell_type'] == 'code' and 'id' in cell}
    return {id_ for fence in fences(path) for id_ in fence.ids}


def language_of(path: Path) -> str:
    return path.relative_to(EXAMPLES_DIR if path.suffix == '.ipynb' else DOCS).parts[0]


def in_docs(path: Path) -> Path:
    """Where a page sits in docs/, which its links are relative to: a
    notebook of examples/<lang>/ is docs/<lang>/notebooks/<name>."""
    return DOCS / language_of(path) / 'notebooks' / path.name if path.suffix == '.ipynb' else path


def twin(path: Path, lang: str) -> Path:
    root = EXAMPLES_DIR if path.suffix == '.ipynb' else DOCS
    return root / lang / path.relative_to(root / language_of(path))


# The Markdown pages and the notebooks (their markdown cells), in every language.
PAGES = [DOCS / lang / page for lang in LANGUAGES for page in pages(lang)] + [
    ROOT / notebook_source(lang, page) for lang in LANGUAGES for page in notebook_pages(lang)
]
IDS = [str(path.relative_to(DOCS if path.suffix == '.md' else ROOT)) for path in PAGES]


@pytest.mark.parametrize('path', PAGES, ids=IDS)
def test_generalising_sentences_name_their_blocks(path: Path) -> None:
    words = GENERALISING[language_of(path)]
    unmarked = [f'{s}: "{words.search(s.text)[0]}" in: {s.text}' for s in sentences(path) if words.search(s.text) and not s.refs]
    if unmarked:
        pytest.fail(
            'these sentences claim something of every case, but name no block that shows it: end each with '
            '<!-- shown by #block-id --> for the blocks ({.py #block-id}) that show it at its boundary, '
            'or narrow the sentence to the mode it holds in (CONTRIBUTING.md, "Checking a claim"):\n  ' + '\n  '.join(unmarked),
            pytrace=False,
        )


@pytest.mark.parametrize('path', PAGES, ids=IDS)
def test_markers_name_blocks_that_exist(path: Path) -> None:
    problems = []
    for s in sentences(path):
        for ref in s.refs:
            m = _REF.match(ref)
            if not m:
                problems.append(f'{s}: the marker names {ref!r}, which is not #block-id or page.md#block-id')
                continue
            # normpath, not resolve(): docs/<lang>/notebooks is a link into examples/.
            target = Path(os.path.normpath(in_docs(path).parent / m['page'])) if m['page'] else path
            if not target.is_file():
                problems.append(f'{s}: the marker names {ref}, but there is no page {target.relative_to(ROOT) if ROOT in target.parents else target}')
            elif m['id'] not in block_ids(target):
                problems.append(f'{s}: the marker names {ref}, but no code block of {target.relative_to(ROOT)} has the id #{m["id"]}')
    assert not problems, '\n'.join(problems)


@pytest.mark.parametrize('path', [p for p in PAGES if p.suffix == '.md'], ids=[i for p, i in zip(PAGES, IDS) if p.suffix == '.md'])
def test_block_ids_are_unique_on_their_page(path: Path) -> None:
    """A block's id is an HTML id on the built page: it must not be another block's, or a heading's."""
    seen: dict[str, str] = {h.id: f'the heading on line {h.line}' for h in headings(path) if h.id}
    problems = []
    for fence in fences(path):
        for id_ in fence.ids:
            if id_ in seen:
                problems.append(f'{fence}: the block id #{id_} is already {seen[id_]}')
            seen[id_] = f'the id of the block on line {fence.line}'
    assert not problems, '\n'.join(problems)


@pytest.mark.parametrize(
    'path', [p for p in PAGES if language_of(p) != DEFAULT_LANGUAGE], ids=[i for p, i in zip(PAGES, IDS) if language_of(p) != DEFAULT_LANGUAGE]
)
def test_markers_match_the_translation(path: Path) -> None:
    """Both languages make the same claims: the same markers, in the same order."""
    source = twin(path, DEFAULT_LANGUAGE)
    if not source.exists():
        pytest.fail(f'{path.relative_to(ROOT)}: no {source.relative_to(ROOT)} to compare its markers with')
    ours = [(s, ' '.join(s.refs)) for s in sentences(path) if s.refs]
    theirs = [(s, ' '.join(s.refs)) for s in sentences(source) if s.refs]
    if [r for _, r in ours] == [r for _, r in theirs]:
        return
    first = next((n for n, (a, b) in enumerate(zip(ours, theirs)) if a[1] != b[1]), min(len(ours), len(theirs)))
    at = f'{ours[first][0]} and {theirs[first][0]}' if first < min(len(ours), len(theirs)) else f'{(ours or theirs)[-1][0]}'
    diff = ''.join(difflib.unified_diff([f'{r}\n' for _, r in theirs], [f'{r}\n' for _, r in ours], str(source.relative_to(ROOT)), str(path.relative_to(ROOT))))
    pytest.fail(f'{path.relative_to(ROOT)} and {source.relative_to(ROOT)} mark different claims, first at {at}:\n{diff}', pytrace=False)
