"""Two languages, one truth: every page exists in each language, and each pair
shows the same code, the same outputs and the same section ids.

Only comments inside code blocks, and the prose around them, may differ.
"""

from __future__ import annotations

import difflib
import re

import pytest

from pages import DEFAULT_LANGUAGE, DOCS, LANGUAGES, fences, headings, pages, without_comments

OTHER_LANGUAGES = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]
ALL_PAGES = sorted({page for lang in LANGUAGES for page in pages(lang)})


@pytest.mark.parametrize('lang', LANGUAGES)
def test_every_page_exists_in_every_language(lang: str) -> None:
    missing = [
        f'docs/{lang}/{page} is missing; its twins: '
        + ', '.join(f'docs/{other}/{page}' for other in LANGUAGES if (DOCS / other / page).exists())
        for page in ALL_PAGES
        if not (DOCS / lang / page).exists()
    ]
    assert not missing, '\n'.join(missing)


def twins(lang: str):
    for page in pages(DEFAULT_LANGUAGE):
        if (DOCS / lang / page).exists():
            yield DOCS / DEFAULT_LANGUAGE / page, DOCS / lang / page


@pytest.mark.parametrize(
    ('source', 'translation'),
    [pair for lang in OTHER_LANGUAGES for pair in twins(lang)],
    ids=lambda p: str(p.relative_to(DOCS)),
)
class TestPagePair:
    def test_same_code_and_outputs(self, source, translation) -> None:
        a, b = fences(source), fences(translation)
        problems = []
        for fa, fb in zip(a, b):
            ca, cb = without_comments(fa.code, fa.info), without_comments(fb.code, fb.info)
            if fa.info != fb.info or ca != cb:
                diff = difflib.unified_diff(
                    [fa.info + '\n', *ca.splitlines(True)],
                    [fb.info + '\n', *cb.splitlines(True)],
                    str(fa),
                    str(fb),
                )
                problems.append(f'{fa} and {fb} differ (comments aside):\n' + ''.join(diff))
        if len(a) != len(b):
            extra = a[len(b) :] or b[len(a) :]
            problems.append(
                f'{source.relative_to(DOCS)} has {len(a)} code blocks, {translation.relative_to(DOCS)} '
                f'has {len(b)}; first unmatched block: {extra[0]}'
            )
        assert not problems, '\n'.join(problems)

    def test_same_section_ids(self, source, translation) -> None:
        ids_a = [h.id for h in headings(source) if h.level > 1]
        ids_b = [h.id for h in headings(translation) if h.level > 1]
        assert ids_a == ids_b, (
            f'{source.relative_to(DOCS)} and {translation.relative_to(DOCS)} must have the same '
            'sections, with the same {#id}s, in the same order:\n'
            + ''.join(difflib.unified_diff([f'{i}\n' for i in ids_a], [f'{i}\n' for i in ids_b]))
        )


@pytest.mark.parametrize('lang', LANGUAGES)
def test_sections_have_explicit_ids(lang: str) -> None:
    """Ids made from a heading's words differ by language (and are empty for
    Chinese); explicit ones let links and the language switch land on the same
    section."""
    missing = [
        f'docs/{lang}/{page}:{h.line}: "{h.text}" needs an id: {"#" * h.level} {h.text} {{#some-id}}'
        for page in pages(lang)
        for h in headings(DOCS / lang / page)
        if h.level > 1 and h.id is None
    ]
    assert not missing, '\n'.join(missing)


# What a heading quotes from the code: `op.name`, `reuse_variables()`, `:0`.
API_TOKEN = re.compile(r':\d+|[A-Za-z_][\w.]*\(\)|[A-Za-z_]\w*(?:[._]\w+)+')


@pytest.mark.parametrize('lang', OTHER_LANGUAGES)
def test_headings_quote_the_same_code(lang: str) -> None:
    """A translated heading keeps the API names of its twin as they are: an
    input method's full-width ：or （） inside them makes another name."""
    problems = []
    for page in pages(lang):
        source = DOCS / DEFAULT_LANGUAGE / page
        if not source.exists():
            continue  # reported by test_every_page_exists_in_every_language
        originals = {h.id: h.text for h in headings(source)}
        for h in headings(DOCS / lang / page):
            for token in API_TOKEN.findall(originals.get(h.id, '')):
                if token not in h.text:
                    problems.append(f'docs/{lang}/{page}:{h.line}: "{h.text}" does not quote `{token}` as its twin does')
    assert not problems, '\n'.join(problems)


CJK = '[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]'
# A line that starts a new block rather than continuing a paragraph.
STARTS_BLOCK = re.compile(r'\s*(#|[-*+] |\d+\. |!!!|\?\?\?|```|~~~|\||>|$)')


@pytest.mark.parametrize('lang', LANGUAGES)
def test_no_line_break_next_to_chinese_characters(lang: str) -> None:
    """Markdown turns a line break inside a paragraph into a space, which
    shows as a gap in the middle of Chinese text: keep such paragraphs on
    one line."""
    problems = []
    for page in pages(lang):
        path = DOCS / lang / page
        code_lines = {n for fence in fences(path) for n in range(fence.line, fence.line + fence.code.count('\n') + 2)}
        lines = path.read_text('utf-8').splitlines()
        for n, (line, following) in enumerate(zip(lines, lines[1:]), 1):
            if n in code_lines or n + 1 in code_lines:
                continue
            if (re.search(CJK + '$', line) or re.match(r'\s*' + CJK, following)) and line.strip() and not STARTS_BLOCK.match(following):
                problems.append(f'docs/{lang}/{page}:{n}: the paragraph breaks after "{line[-8:]}"; join the next line to it')
    assert not problems, '\n'.join(problems)
