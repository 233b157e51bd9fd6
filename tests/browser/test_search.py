"""Search as readers use it, in a real browser, in each language.

Readers paste TensorFlow's whole error message, with their own variable
names; type API names, English words in either form, Chinese terms (TensorFlow
zh-cn's 重用, and the 复用 of much other Chinese material). What makes these
work: overrides/assets/javascripts/search.js, which rewrites the query and
ranks the results again, and hooks/search_words.py, which adds to the index.
tests/browser/search_queries.py holds the readers' queries. Each test names the query, the
language, what came first and what was expected.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from browser import DESKTOP, Tab, js, new_profile
from browser.search_queries import NEVER_USED, QUERIES, Pasted
from built_site import Served, lang_root, language_of
from pages import DOCS, LANGUAGES, fences, headings, language_root, shown_outputs


@pytest.fixture(scope='module')
def homes(browser, served: Served):
    """A tab per language, open at its home and kept for the module: every
    query is typed into the same page, as a reader searching again would,
    and its search index is loaded once."""
    context = new_profile(browser, DESKTOP)
    opened: dict[str, Tab] = {}

    def home(lang: str) -> Tab:
        if lang not in opened:
            opened[lang] = Tab(context, served)
            opened[lang].open(language_root(lang))
        return opened[lang]

    yield home
    context.close()


@pytest.fixture
def home(homes):
    """The home page of a language, with the problems noted before this test
    (which the tests before it asserted) forgotten."""

    def at(lang: str) -> Tab:
        tab = homes(lang)
        tab.problems.clear()
        return tab

    return at


@dataclass
class Found:
    """One page in the result list: its address, the address of its best
    match (the page or one of its sections), and what the list shows of it."""

    page: str
    best: str
    marks: list[str]  # the highlighted words
    missing: list[str]  # the words of the query it lacks ("Missing: ...")
    links: list[tuple[str, float]]  # the page and its sections shown, with Material's scores


# Each result: its links (page first, then sections) with Material's scores,
# its <mark>s, and its "Missing:" words.
RESULTS = js('results')
# How many results Material's list shows before it is scrolled.
FIRST_SHOWN = 10


def search_results(tab: Tab, query: str, everything: bool = False) -> list[Found]:
    """Type a query into the search box; the pages found, best first: those
    the list shows at once (ten), or with `everything`, all of them."""
    box = tab.page.locator('input.md-search__input')
    # Empty first, so that the list shown is never the previous query's.
    box.fill('')
    box.press('End')  # Material searches on keyup
    tab.page.wait_for_function(js('search_ready'))
    box.fill(query)
    box.press('End')
    tab.page.wait_for_function(js('search_ready').replace('===', '!=='))
    meta = tab.page.inner_text('.md-search-result__meta')
    count = int(m[0]) if (m := re.search(r'\d+', meta)) else 0
    if not everything:
        tab.page.wait_for_function('count => document.querySelectorAll(".md-search-result__item").length >= count', arg=min(count, FIRST_SHOWN))
    else:
        # Material shows ten results, then four more each time the list is
        # scrolled down to its end: scroll down, let it draw, again, until all
        # are shown (scrolled up first when a scroll down added nothing).
        tab.page.evaluate(js('show_all_results'), count)
    found = []
    for item in tab.page.evaluate(RESULTS):
        links = item['links']
        best = max(links, key=lambda link: link[1])[0]  # where Material's Enter key leads
        found.append(Found(links[0][0], best, item['marks'], item['missing'], links))
    return found


def search(tab: Tab, query: str, everything: bool = False) -> list[str]:
    """The URL path of each page found, best first (see search_results)."""
    return [found.page for found in search_results(tab, query, everything)]


def shown(found: list[Found], n: int = 5) -> str:
    return ', '.join(f.best for f in found[:n]) or 'nothing'


# --- pasted error messages ------------------------------------------------------

ERRORS_PAGE = Path('errors.md')
# Errors of docs/en/errors.md (its section id), and the reader's own names to
# put in the message in place of the page's (conv1/weights: the study note's).
PASTED = [
    ('already-exists', {'dense/w': 'model/conv1/weights'}),
    ('does-not-exist', {'dense/w': 'tower_0/conv1/weights'}),
    ('no-shape', {'dense/w': 'model/conv1/weights'}),
    ('invalid-scope-name', {"'my layer'": "'conv 1'"}),
]
_MESSAGE = re.compile(r'^[ \t]*(\w+Error: .+)$', re.M)


def pasted_message(anchor: str, names: dict[str, str]) -> str:
    """The first error message shown in a section of docs/en/errors.md, with
    the reader's names in it."""
    source = DOCS / 'en' / ERRORS_PAGE
    lines = [h.line for h in headings(source)]
    heading = next((h for h in headings(source) if h.id == anchor), None)
    assert heading is not None, f'{source.relative_to(DOCS.parent)} has no section {{#{anchor}}} any more: update PASTED'
    end = min((line for line in lines if line > heading.line), default=10**9)
    outputs = '\n'.join(shown_outputs(fence.code) for fence in fences(source) if heading.line < fence.line < end)
    m = _MESSAGE.search(outputs)
    assert m, f'{source.relative_to(DOCS.parent)}:{heading.line}: section #{anchor} shows no error message any more: update PASTED'
    message = m[1]
    for old, new in names.items():
        assert old in message, f'{source.relative_to(DOCS.parent)}:{heading.line}: the message no longer has "{old}": update PASTED\n{message}'
        message = message.replace(old, new)
    return message


@pytest.mark.parametrize('anchor', [anchor for anchor, _ in PASTED])
@pytest.mark.parametrize('lang', LANGUAGES)
def test_a_pasted_error_message_finds_its_entry_first(home, served: Served, lang: str, anchor: str) -> None:
    message = pasted_message(anchor, dict(PASTED)[anchor])
    tab = home(lang)
    found = search_results(tab, message)
    expected = f'{served.path(lang, ERRORS_PAGE)}#{anchor}'
    assert found and found[0].best == expected, (
        f'pasting the message of docs/{lang}/{ERRORS_PAGE}#{anchor} into search on {language_root(lang)} '
        f'finds first {found[0].best if found else "nothing"}, not {expected}; the first results: {shown(found)}\n'
        f'the message: {message}'
    )
    assert not tab.problems, '\n'.join(tab.problems)


# --- words and names ------------------------------------------------------------

# What each query should find, among the first three results (what a reader
# sees without scrolling).
API_NAMES = {
    'variable_scope': 'lessons/variable-scope.md',
    'get_variable': 'lessons/variable-scope.md',
    'AUTO_REUSE': 'guide/reuse.md',
    'name_scope': 'lessons/name-scope.md',
    'init_from_checkpoint': 'saving/init-from-checkpoint.md',
    'custom_getter': 'guide/power-tools.md',
    'make_template': 'guide/power-tools.md',
    'get_tensor_by_name': 'guide/finding-by-name.md',
    'add_weight': 'tf2/custom-layers.md',
    'expect_partial': 'saving/tf2-checkpoints.md',
    'beta1_power': 'saving/training-names.md',
    'ExponentialMovingAverage': 'saving/training-names.md',
    'UPDATE_OPS': 'tf2/batch-norm.md',
    'replica_1': 'tf2/distribution.md',
    'clone_model': 'tf2/composed-models.md',
    'TF_USE_LEGACY_KERAS': 'tf2/tf-layers.md',
    'structured_outputs': 'saving/file-contents.md',
}
SEARCHES = [pytest.param(lang, query, page, 3, id=f'{lang}-{query}') for lang in LANGUAGES for query, page in API_NAMES.items()] + [
    # A name a reader sees in their graph: the lesson that explains it.
    pytest.param('en', 'conv1_1', 'lessons/name-scope.md', 3, id='en-conv1_1'),
    # A word inside an API name (tf.get_collection).
    pytest.param('en', 'collection', 'guide/collections.md', 1, id='en-collection'),
    # TensorFlow zh-cn's word for reuse, which the pages use, and the one much
    # other Chinese material uses.
    pytest.param('zh', '重用', 'guide/reuse.md', 1, id='zh-zhongyong'),
    pytest.param('zh', '复用', 'guide/reuse.md', 1, id='zh-fuyong'),
    pytest.param('zh', '变量共享', 'tf2/migration.md', 3, id='zh-bianliang-gongxiang'),
    # One term, which the index holds as two words (命名/空间), both on one page only.
    pytest.param('zh', '命名空间', 'lessons/name-scope.md', 1, id='zh-mingming-kongjian'),
    # The new pages, by the words a reader would type in each language.
    pytest.param('zh', '滑动平均', 'saving/training-names.md', 3, id='zh-huadong-pingjun'),
    pytest.param('zh', '批量归一化', 'tf2/batch-norm.md', 3, id='zh-piliang-guiyihua'),
    pytest.param('zh', '槽变量', 'saving/training-names.md', 3, id='zh-cao-bianliang'),
    pytest.param('en', 'optimizer slots', 'saving/training-names.md', 3, id='en-optimizer-slots'),
    pytest.param('en', 'nested model get_layer', 'tf2/composed-models.md', 3, id='en-nested-get-layer'),
]


@pytest.mark.parametrize(('lang', 'query', 'page', 'within'), SEARCHES)
def test_search_finds_the_page_in_the_readers_language(home, served: Served, lang: str, query: str, page: str, within: int) -> None:
    tab = home(lang)
    found = search(tab, query)
    expected = served.path(lang, page)
    where = f'searching "{query}" on {language_root(lang)}'
    assert found, f'{where} finds nothing'
    others = [path for path in found if language_of(path) != lang]
    assert not others, f'{where} finds pages in another language: {others}'
    assert expected in found[:within], f'{where}: {expected} is not among the first {within}: {found[:6]}'
    assert not tab.problems, '\n'.join(tab.problems)


# Singular and plural: the same pages, in the same order.
WORD_FORMS = [('checkpoint', 'checkpoints'), ('collection', 'collections'), ('variable', 'variables')]


@pytest.mark.parametrize(('one', 'many'), WORD_FORMS, ids=[one for one, _ in WORD_FORMS])
def test_both_forms_of_a_word_find_the_same_pages(home, one: str, many: str) -> None:
    tab = home('en')
    found = {query: search(tab, query, everything=True) for query in (one, many)}
    assert found[one], f'searching "{one}" on / finds nothing'
    assert found[many] == found[one], f'on /, "{many}" and "{one}" find different pages:\n  "{one}": {found[one]}\n  "{many}": {found[many]}'
    assert not tab.problems, '\n'.join(tab.problems)


# --- Chinese ---------------------------------------------------------------------

HAN = re.compile('[\u3400-\u9fff]')

# Queries, with test ids in pinyin (pytest would print Chinese ones as \u escapes).
FRAGMENT_QUERIES = {'变量作用域': 'bianliang-zuoyongyu', '命名空间': 'mingming-kongjian', '重用': 'zhongyong', '中文': 'zhongwen', '计算图': 'jisuantu'}


@pytest.mark.parametrize('query', FRAGMENT_QUERIES, ids=FRAGMENT_QUERIES.values())
def test_chinese_results_show_the_querys_words_whole(home, query: str) -> None:
    """The result list highlights words of the query, not single characters
    or other words that merely share one ("域名" for 作用域), and its
    "Missing:" lines name words of the query."""
    tab = home('zh')
    found = search_results(tab, query)
    assert found, f'searching "{query}" on /zh/ finds nothing'
    stray = {}
    for f in found:
        words = [w for w in f.marks + f.missing if HAN.search(w)]
        bad = [w for w in words if len(w) < 2 or w not in query]
        if bad:
            stray[f.page] = bad
    assert not stray, f'searching "{query}" on /zh/ shows stray fragments (highlighted or "missing"), by page: {stray}'
    assert not tab.problems, '\n'.join(tab.problems)


def words_on_one_page(site: Path, n: int) -> list[tuple[str, str]]:
    """Chinese words of the zh index found on one page only, and that page:
    the n (in Unicode order) that also begin a longer word on another page,
    where a prefix search goes wrong (解决 in 解决办法)."""
    docs = json.loads((lang_root(site, 'zh') / 'search' / 'search_index.json').read_text('utf-8'))['docs']
    pages: dict[str, set[str]] = {}
    for doc in docs:
        for word in re.split(r'[^\u3400-\u9fff]+', doc['title'] + '\u200b' + doc['text']):
            if len(word) > 1:
                pages.setdefault(word, set()).add(doc['location'].split('#')[0])
    one = {word: next(iter(where)) for word, where in pages.items() if len(where) == 1}
    tricky = sorted(w for w in one if any(other != w and other.startswith(w) and pages[other] != {one[w]} for other in pages))
    return [(word, one[word]) for word in tricky[:n]]


def test_a_chinese_word_on_one_page_finds_that_page_first(home, served: Served) -> None:
    cases = words_on_one_page(served.site, 8)
    assert len(cases) >= 4, f'the zh index has only {len(cases)} words on one page that begin a longer word elsewhere'
    tab = home('zh')
    wrong = []
    for word, location in cases:
        found = search_results(tab, word)
        expected = f'/zh/{location}'
        if not found or found[0].page != expected:
            wrong.append(f'"{word}" (only on {expected}) finds first {found[0].best if found else "nothing"}; the first results: {shown(found, 3)}')
    assert not wrong, 'on /zh/:\n  ' + '\n  '.join(wrong)
    assert not tab.problems, '\n'.join(tab.problems)


# --- the readers' query set (tests/browser/search_queries.py) --------------------

QUERY_FILE = Path(__file__).parent / 'search_queries.py'
# The share of a language's queries whose section must come first; all must
# be among the first SECTIONS_SEEN sections listed.
FIRST_SHARE = 0.9
SECTIONS_SEEN = 5


def query_text(query: str | Pasted) -> str:
    return pasted_message(query.section, dict(query.names)) if isinstance(query, Pasted) else query


def query_line(query: str | Pasted, expected: str) -> str:
    """search_queries.py:LINE of a query's entry."""
    needle = f"'{expected}')" if isinstance(query, Pasted) else repr(query)
    lines = QUERY_FILE.read_text('utf-8').splitlines()
    line = next((n for n, text in enumerate(lines, 1) if needle in text and (not isinstance(query, Pasted) or 'Pasted' not in text)), 0)
    return f'{QUERY_FILE.relative_to(QUERY_FILE.parents[2])}:{line}'


def ranked(tab: Tab, query: str) -> tuple[str | None, list[str]]:
    """Where Enter leads (the best link of the first result), and the pages
    and sections the list links to, best score first. The list is in the
    order of each page's best section, so the five best sections are among
    the ten pages it shows at once."""
    found = search_results(tab, query)
    links = [link for result in found for link in result.links]
    return (found[0].best if found else None), [url for url, _ in sorted(links, key=lambda link: -link[1])]


@pytest.mark.parametrize('lang', LANGUAGES)
def test_readers_queries_find_their_sections(home, served: Served, lang: str) -> None:
    tab = home(lang)
    root = language_root(lang)
    misses, firsts = [], 0
    for query, expected in QUERIES[lang]:
        text = query_text(query)
        url = root + expected
        first, listed = ranked(tab, text)
        where = f'{query_line(query, expected)}: "{text[:80]}"'
        if first == url:
            firsts += 1
            continue
        rank = listed.index(url) + 1 if url in listed else None
        misses.append(
            (
                rank is None or rank > SECTIONS_SEEN,
                f'{where} finds first {first or "nothing"}; {url} is {f"#{rank}" if rank else "not found"}; the first: {", ".join(listed[:3])}',
            )
        )
    total = len(QUERIES[lang])
    report = f'on {root}, {firsts} of {total} queries find their section first (at least {FIRST_SHARE:.0%} must):\n  ' + '\n  '.join(m for _, m in misses)
    assert firsts >= FIRST_SHARE * total and not any(far for far, _ in misses), report
    assert not tab.problems, '\n'.join(tab.problems)


@pytest.mark.parametrize('lang', LANGUAGES)
def test_words_the_site_never_uses_find_nothing(home, served: Served, lang: str) -> None:
    """And the empty list points to the error catalogue and the glossary, in
    the reader's language."""
    tab = home(lang)
    for query in NEVER_USED[lang]:
        found = search_results(tab, query)
        assert not found, f'searching "{query}" on {language_root(lang)} finds {shown(found)}: it should find nothing'
        tab.page.wait_for_selector('.md-search-result .search-empty')
        links = tab.page.eval_on_selector_all('.md-search-result .search-empty a', 'links => links.map(a => new URL(a.href).pathname)')
        expected = [served.path(lang, 'errors.md'), served.path(lang, 'glossary.md')]
        assert links == expected, f'searching "{query}" on {language_root(lang)}: the empty list links to {links}, not {expected}'
    search_results(tab, 'variable_scope')
    assert tab.page.query_selector('.md-search-result .search-empty') is None, 'the empty-list note stays when results come'
    assert not tab.problems, '\n'.join(tab.problems)


def words_held_together_once(site: Path, lang: str, n: int) -> list[tuple[str, str]]:
    """Queries of two words that many sections hold one of, but one section
    alone holds both: that section, by the index's own words."""
    index = json.loads((lang_root(site, lang) / 'search' / 'search_index.json').read_text('utf-8'))
    docs, separator = index['docs'], re.compile(index['config']['separator'])
    held: dict[str, set[str]] = {}
    for doc in docs:
        text = re.sub(r'<[^>]*>', ' ', ' '.join(doc.get(field, '') for field in ('title', 'text', 'title_also', 'text_also', 'parts')))
        tokens = {token.lower() for token in separator.split(text)}
        # Chinese words as jieba cut them; English words that search.js sends
        # as they are (no form of theirs to cut off).
        words = (
            {w for w in tokens if re.fullmatch('[\u3400-\u9fff]{2,}', w)}
            if lang == 'zh'
            else {w for w in tokens if re.fullmatch('[a-z]{6,}', w) and not re.search('(?:s|e|ed|ing)$', w)}
        )
        for word in words:
            held.setdefault(word, set()).add(doc['location'])
    common = sorted(w for w, where in held.items() if 3 <= len(where) <= 12)
    found = []
    for i, one in enumerate(common):
        for other in common[i + 1 :]:
            both = held[one] & held[other]
            if len(both) == 1 and not any(w.startswith((one, other)) for w in held if w not in (one, other)):
                found.append((f'{one} {other}', next(iter(both))))
                break
        if len(found) == n:
            break
    return found


@pytest.mark.parametrize('lang', LANGUAGES)
def test_the_one_section_that_holds_every_word_comes_first(home, served: Served, lang: str) -> None:
    cases = words_held_together_once(served.site, lang, 6)
    assert len(cases) >= 4, f'the {lang} index has only {len(cases)} pairs of words that one section alone holds both of'
    tab = home(lang)
    wrong = []
    for query, location in cases:
        first, listed = ranked(tab, query)
        expected = language_root(lang) + location
        if first != expected:
            wrong.append(f'"{query}" (both words only in {expected}) finds first {first}; the first: {", ".join(listed[:3])}')
    assert not wrong, f'on {language_root(lang)}:\n  ' + '\n  '.join(wrong)
    assert not tab.problems, '\n'.join(tab.problems)
