"""Two languages, one truth: every page exists in each language, and each pair
shows the same code, the same outputs and the same section ids.

Only comments inside code blocks, and the prose around them, may differ.
"""

from __future__ import annotations

import difflib
import io
import json
import re
import tokenize

import pytest

from pages import _FENCE, DEFAULT_LANGUAGE, DOCS, EXAMPLES_DIR, LANGUAGES, READER_SETTINGS, ROOT, fences, headings, pages, without_comments

OTHER_LANGUAGES = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]
ALL_PAGES = sorted({page for lang in LANGUAGES for page in pages(lang)})


@pytest.mark.parametrize('lang', LANGUAGES)
def test_every_page_exists_in_every_language(lang: str) -> None:
    missing = [
        f'docs/{lang}/{page} is missing; its twins: ' + ', '.join(f'docs/{other}/{page}' for other in LANGUAGES if (DOCS / other / page).exists())
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
            if fa.shared_info != fb.shared_info or ca != cb:
                diff = difflib.unified_diff(
                    [fa.shared_info + '\n', *ca.splitlines(True)],
                    [fb.shared_info + '\n', *cb.splitlines(True)],
                    str(fa),
                    str(fb),
                )
                problems.append(f'{fa} and {fb} differ (comments aside):\n' + ''.join(diff))
            for setting in READER_SETTINGS:
                if setting in fa.settings and fa.settings[setting] == fb.settings.get(setting):
                    problems.append(f'{fb}: its {setting}="..." is the same words as {fa}: translate it')
        if len(a) != len(b):
            extra = a[len(b) :] or b[len(a) :]
            problems.append(
                f'{source.relative_to(DOCS)} has {len(a)} code blocks, {translation.relative_to(DOCS)} has {len(b)}; first unmatched block: {extra[0]}'
            )
        assert not problems, '\n'.join(problems)

    def test_same_section_ids(self, source, translation) -> None:
        ids_a = [h.id for h in headings(source) if h.level > 1]
        ids_b = [h.id for h in headings(translation) if h.level > 1]
        assert ids_a == ids_b, (
            f'{source.relative_to(DOCS)} and {translation.relative_to(DOCS)} must have the same '
            'sections, with the same {#id}s, in the same order:\n' + ''.join(difflib.unified_diff([f'{i}\n' for i in ids_a], [f'{i}\n' for i in ids_b]))
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


# Half-width punctuation touching Chinese text: `名称,` or `(见下文)`. A comma,
# colon, semicolon or mark is caught across a space too (`名称, 然后`); a
# parenthesis only where it touches a Chinese character.
HALF_WIDTH_NEXT_TO_CJK = re.compile(f'{CJK}\\s*[,:;!?]|[,:;!?]\\s*{CJK}|{CJK}[()]|[()]{CJK}')
FULL_WIDTH = dict(zip(',:;()!?', '，：；（）！？'))
# What prose may quote without being prose: `code`, a link's target, and API
# names written bare in headings and link texts (`reuse_variables()`, `:0`).
NOT_PROSE = re.compile(r'(`+).+?\1|\]\([^)\s]*\)|' + API_TOKEN.pattern)


def half_width_marks(text: str) -> list[tuple[int, str]]:
    """(line, what) for each half-width mark next to Chinese text, outside code."""
    found = []
    for n, line in enumerate(text.splitlines(), 1):
        bare = NOT_PROSE.sub(lambda m: ']' if m[0].startswith('](') else '`', line)
        found += [(n, m[0]) for m in HALF_WIDTH_NEXT_TO_CJK.finditer(bare)]
    return found


def code_comments(code: str) -> list[tuple[int, str]]:
    """(line, text) of each comment in Python code; `#>` outputs are not comments."""
    return [
        (tok.start[0], tok.string)
        for tok in tokenize.generate_tokens(io.StringIO(code).readline)
        if tok.type == tokenize.COMMENT and not tok.string.startswith('#>')
    ]


def half_width_problem(where: str, line: int, mark: str, comment: str = '') -> str:
    half = next(c for c in mark if c in FULL_WIDTH)
    problem = f'{where}:{line}: half-width "{half}" next to Chinese text ({mark!r}); use "{FULL_WIDTH[half]}"'
    return problem + (f' in the comment {comment.strip()!r}' if comment else '')


def comment_problems(code: str, where: str, first_line: int = 1) -> list[tuple[int, str]]:
    return [
        (first_line + n - 1, half_width_problem(where, first_line + n - 1, mark, comment))
        for n, comment in code_comments(code)
        for _, mark in half_width_marks(comment)
    ]


def markdown_problems(text: str, where: str) -> list[str]:
    """Half-width marks in Markdown's prose and in its Python blocks' comments."""
    found = []
    prose = text
    for m in reversed(list(_FENCE.finditer(text))):
        prose = prose[: m.start()] + '\n' * text.count('\n', m.start(), m.end()) + prose[m.end() :]
        if 'py' in m['info']:
            code = re.sub(rf'^{m["indent"]}', '', m['code'], flags=re.M)
            found += comment_problems(code, where, text.count('\n', 0, m.start()) + 2)
    found += [(n, half_width_problem(where, n, mark)) for n, mark in half_width_marks(prose)]
    return [problem for _, problem in sorted(found)]


@pytest.mark.parametrize('lang', OTHER_LANGUAGES)
def test_no_half_width_punctuation_next_to_chinese_characters(lang: str) -> None:
    """Chinese prose and Chinese code comments use full-width ，：；（）！？;
    a half-width one next to a Chinese character is a slip of the input
    method. Code, links and API names are left alone."""
    problems = []
    for page in pages(lang):
        problems += markdown_problems((DOCS / lang / page).read_text('utf-8'), f'docs/{lang}/{page}')
    for notebook in sorted((EXAMPLES_DIR / lang).glob('*.ipynb')):
        for number, cell in enumerate(json.loads(notebook.read_text('utf-8'))['cells'], 1):
            source, where = ''.join(cell['source']), f'{notebook.relative_to(ROOT)} cell {number}'
            if cell['cell_type'] == 'markdown':
                problems += markdown_problems(source, where)
            elif cell['cell_type'] == 'code':
                problems += [problem for _, problem in comment_problems(source, where)]
    assert not problems, '\n'.join(problems)


GLOSSARY = 'glossary.md'
LINK_TARGET = re.compile(r'\]\(([^)\s]+)\)')


def glossary_rows(lang: str) -> list[tuple[int, str, list[str]]]:
    """(line, English term, link targets) of each row of the glossary's tables."""
    lines = (DOCS / lang / GLOSSARY).read_text('utf-8').splitlines()
    rows = []
    for n, (line, following) in enumerate(zip(lines, [*lines[1:], '']), 1):
        is_separator = re.fullmatch(r'\|[\s:|-]+\|', line.strip())
        is_header = re.fullmatch(r'\|[\s:|-]+\|', following.strip())
        if line.startswith('|') and not is_separator and not is_header:
            rows.append((n, line.split('|')[1].strip(), LINK_TARGET.findall(line)))
    return rows


def test_the_glossary_has_the_same_rows_in_every_language() -> None:
    """The glossary maps the English API words to the words of each language:
    every row exists in each language, for the same English term, linking to
    the same sections."""
    missing = [f'docs/{lang}/{GLOSSARY} is missing' for lang in LANGUAGES if not (DOCS / lang / GLOSSARY).exists()]
    assert not missing, '\n'.join(missing)
    source = glossary_rows(DEFAULT_LANGUAGE)
    problems = [f'docs/{DEFAULT_LANGUAGE}/{GLOSSARY}:{n}: "{term}" links to no section' for n, term, links in source if not links]
    if not source:
        problems.append(f'docs/{DEFAULT_LANGUAGE}/{GLOSSARY} has no table rows')
    wanted = {term: (n, links) for n, term, links in source}
    for lang in OTHER_LANGUAGES:
        rows = glossary_rows(lang)
        have = {term: (n, links) for n, term, links in rows}
        if len(rows) != len(source):
            problems.append(f'docs/{lang}/{GLOSSARY} has {len(rows)} rows, docs/{DEFAULT_LANGUAGE}/{GLOSSARY} has {len(source)}')
        problems += [
            f'docs/{DEFAULT_LANGUAGE}/{GLOSSARY}:{n}: "{term}" has no row in docs/{lang}/{GLOSSARY}' for term, (n, _) in wanted.items() if term not in have
        ]
        for term, (n, links) in have.items():
            if term not in wanted:
                problems.append(f'docs/{lang}/{GLOSSARY}:{n}: "{term}" is not a term of docs/{DEFAULT_LANGUAGE}/{GLOSSARY}')
            elif links != wanted[term][1]:
                problems.append(
                    f'docs/{lang}/{GLOSSARY}:{n}: "{term}" links to {links}, '
                    f'but docs/{DEFAULT_LANGUAGE}/{GLOSSARY}:{wanted[term][0]} links to {wanted[term][1]}'
                )
    assert not problems, '\n'.join(problems)
