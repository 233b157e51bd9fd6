"""Build the site the way `make build` does, then check what readers get.

`mkdocs build --strict` already fails on broken links and anchors
(mkdocs.yml turns their validation on). What it does not see is checked here
in the built HTML: each language has its root, every page is HTML, the
language switch leads to the twin page, nothing is loaded from another host,
and search has both languages, with Chinese segmented into words.
"""

from __future__ import annotations

import contextlib
import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest

from built_site import CSS_URL, all_built_pages, built_page, is_remote, lang_root, remote_loads, soup, source_line, url_of
from pages import DEFAULT_LANGUAGE, DOCS, LANGUAGES, ROOT, fences, mkdocs_config, notebook_source, pages, shown_output_lines, words


@pytest.mark.parametrize('lang', LANGUAGES)
def test_each_language_has_its_root(site: Path, lang: str) -> None:
    index = lang_root(site, lang) / 'index.html'
    assert index.is_file(), f'{index.relative_to(site)} was not built'
    assert soup(index).html.get('lang') == lang, f'{index.relative_to(site)}: <html lang> is not "{lang}"'


def test_every_page_is_html(site: Path) -> None:
    problems = []
    for lang, page, html in all_built_pages(site):
        source = f'docs/{lang}/{page}'
        if not html.is_file():
            problems.append(f'{source}: no page at {html.relative_to(site)}')
            continue
        doc = soup(html)
        article = doc.find('article')
        if not html.read_text('utf-8').lstrip().lower().startswith('<!doctype html>') or article is None:
            problems.append(f'{source}: {html.relative_to(site)} is not a themed HTML page')
        elif doc.find('h1') is None:
            problems.append(f'{source}: {html.relative_to(site)} has no <h1>')
    assert not problems, '\n'.join(problems)


def test_no_unrendered_markdown(site: Path) -> None:
    """A fence whose header Markdown does not understand is printed as text,
    with its backticks, and `--strict` says nothing about it."""
    problems = []
    for lang, page, html in all_built_pages(site):
        article = soup(html).find('article')
        for text in article.find_all(string=re.compile('```|~~~')):
            if text.find_parent(['code', 'pre']) is None:
                problems.append(f'docs/{lang}/{page}: unrendered fence in the page: {text.strip()[:80]!r}')
    assert not problems, '\n'.join(problems)


def test_nothing_is_loaded_from_another_host(site: Path) -> None:
    sources = {html: ROOT / 'docs' / lang / page for lang, page, html in all_built_pages(site)}
    problems = []
    for html in sorted(site.rglob('*.html')):
        for what, url in remote_loads(soup(html)):
            # Name the Markdown line when the page's source has the URL, else the theme's page.
            where = source_line(sources[html], url) if html in sources else None
            if where is None or ':' not in where:
                where = f'{html.relative_to(site)} (from the theme or a plugin)'
            problems.append(f'{where}: {what}')
    for css in sorted(site.rglob('*.css')):
        text = css.read_text('utf-8', errors='replace')
        problems += [f'{css.relative_to(site)}: loads {m[0] or m[1]}' for m in CSS_URL.findall(text) if is_remote(m[0] or m[1])]
    assert not problems, 'the site loads from other hosts:\n' + '\n'.join(problems)


def test_language_switch_leads_to_the_twin_page(site: Path) -> None:
    problems = []
    for lang, page, html in all_built_pages(site):
        links = {a['hreflang']: a['href'] for a in soup(html).select('a.md-select__link[hreflang]')}
        for other in LANGUAGES:
            twin = built_page(site, other, page)
            if not twin.exists():
                continue  # reported by test_translations
            got = urljoin(url_of(site, html), links[other]) if other in links else None
            if got != url_of(site, twin):
                problems.append(f'docs/{lang}/{page}: the "{other}" switch leads to {got}, not {url_of(site, twin)}')
    assert not problems, '\n'.join(problems)


def test_the_not_found_page_leads_home_in_every_language(site: Path) -> None:
    """A static host serves the one 404.html at the root for every missing
    address, in any language: it must be in the default language, and its
    links (the language switch too) must lead to each language's home from
    wherever it is shown."""
    page = soup(site / '404.html')
    problems = []
    if page.html.get('lang') != DEFAULT_LANGUAGE:
        problems.append(f'<html lang> is "{page.html.get("lang")}", not "{DEFAULT_LANGUAGE}"')
    shown_at = '/no/such/page/'
    switch = {a['hreflang']: urljoin(shown_at, a['href']) for a in page.select('a.md-select__link[hreflang]')}
    content = {urljoin(shown_at, a['href']) for a in page.select('article a[href]')}
    for lang in LANGUAGES:
        home = url_of(site, lang_root(site, lang) / 'index.html')
        if switch.get(lang) != home:
            problems.append(f'the "{lang}" switch leads to {switch.get(lang)}, not {home}')
        if home not in content:
            problems.append(f'the page does not link to the "{lang}" home, {home}')
    assert not problems, 'site/404.html:\n  ' + '\n  '.join(problems)


def test_sitemap_lists_every_page_with_its_twins(site: Path) -> None:
    """Search engines learn the pages, and which pages are translations of
    each other, from sitemap.xml."""
    ns = {'s': 'http://www.sitemaps.org/schemas/sitemap/0.9', 'x': 'http://www.w3.org/1999/xhtml'}
    listed = {
        urlsplit(url.findtext('s:loc', namespaces=ns)).path: {link.get('hreflang'): urlsplit(link.get('href')).path for link in url.findall('x:link', ns)}
        for url in ElementTree.parse(site / 'sitemap.xml').getroot().findall('s:url', ns)
    }
    problems = []
    for lang, page, html in all_built_pages(site):
        path = url_of(site, html)
        twins = {other: url_of(site, built_page(site, other, page)) for other in LANGUAGES}
        if path not in listed:
            problems.append(f'docs/{lang}/{page}: {path} is not listed')
        elif listed[path] != twins:
            problems.append(f'docs/{lang}/{page}: {path} is listed with the translations {listed[path]}, not {twins}')
    assert not problems, 'sitemap.xml:\n  ' + '\n  '.join(problems)


def search_docs(site: Path, lang: str) -> list[dict]:
    """The search index of one language (hooks/search_per_language.py), with
    its locations relative to that language's root."""
    return json.loads((lang_root(site, lang) / 'search' / 'search_index.json').read_text('utf-8'))['docs']


def test_search_has_each_language_in_its_own_index(site: Path) -> None:
    problems = []
    for lang in LANGUAGES:
        locations = {doc['location'].split('#')[0] for doc in search_docs(site, lang)}
        pages = {url_of(lang_root(site, lang), html).lstrip('/'): f'docs/{lang}/{page}' for page_lang, page, html in all_built_pages(site) if page_lang == lang}
        problems += [f'{source} is not in the {lang} search index (as "{url}")' for url, source in pages.items() if url not in locations]
        problems += [f'the {lang} search index has "{url}", which is no {lang} page' for url in sorted(locations - set(pages))]
    assert not problems, '\n'.join(problems)


def test_each_language_loads_its_own_index(site: Path) -> None:
    """Material fetches search/search_index.json below its config's base."""
    problems = []
    for lang, page, html in all_built_pages(site):
        app = json.loads(soup(html).find('script', id='__config').string)
        # as Material does: new URL("search/search_index.json", base)
        index = urljoin(urljoin(url_of(site, html), app['base']), 'search/search_index.json')
        want = url_of(site, lang_root(site, lang) / 'index.html') + 'search/search_index.json'
        if index != want:
            problems.append(f'docs/{lang}/{page}: loads the search index {index}, not {want}')
    assert not problems, '\n'.join(problems)


def search_separator() -> re.Pattern:
    for plugin in mkdocs_config()['plugins']:
        if isinstance(plugin, dict) and 'search' in plugin:
            return re.compile(plugin['search']['separator'])
    raise AssertionError('mkdocs.yml configures no search separator')


def test_search_segments_chinese_and_keeps_api_names_whole(site: Path) -> None:
    docs = [doc for lang in LANGUAGES for doc in search_docs(site, lang)]
    zh = ' '.join(doc['title'] + ' ' + doc['text'] for doc in search_docs(site, 'zh'))
    # jieba splits Chinese runs with U+200B, which the search separator honours.
    assert re.search('[\u4e00-\u9fff]\u200b[\u4e00-\u9fff]', zh), 'Chinese text in the search index is not segmented into words (is jieba installed?)'
    tokens = {token for doc in docs for token in search_separator().split(doc['text'])}
    for name in ('variable_scope', 'get_variable', 'name_scope'):
        assert name in tokens, f'searching "{name}" would find nothing: it is no token of the index'


def notebook_built_pages(site: Path) -> list[tuple[str, Path, Path]]:
    return [(lang, page, html) for lang, page, html in all_built_pages(site) if page.suffix == '.ipynb']


_STOP_WORDS = re.compile(r'stopWordFilter=\w+\.generateStopWordFilter\((\[[^\]]*\])\)')
_OUR_STOP_WORDS = re.compile(r'var STOP = new Set\((\[[^\]]*\])\)')


def test_search_js_drops_the_stop_words_that_the_index_left_out(site: Path) -> None:
    """overrides/assets/javascripts/search.js keeps a copy of lunr's English
    stop words (Material's worker leaves them out of the index); after an
    upgrade of Material the two must still agree."""
    worker = next((site / 'assets' / 'javascripts' / 'workers').glob('search.*.min.js'))
    theirs = _STOP_WORDS.search(worker.read_text('utf-8'))
    assert theirs, f'{worker.name} has no lunr stopWordFilter any more: update the STOP words of overrides/assets/javascripts/search.js'
    ours = _OUR_STOP_WORDS.search((ROOT / 'overrides' / 'assets' / 'javascripts' / 'search.js').read_text('utf-8'))
    assert ours, 'overrides/assets/javascripts/search.js has no `var STOP = new Set([...])` any more'
    assert json.loads(ours[1]) == json.loads(theirs[1]), (
        f"the STOP words of overrides/assets/javascripts/search.js differ from lunr's in {worker.name}: copy its list\n{theirs[1]}"
    )


def test_the_search_index_lists_the_parts_of_chinese_compounds(site: Path) -> None:
    """hooks/search_words.py: 变量名 has the part 变量, and a word jieba keeps
    whole (search_words_zh.txt) has none."""
    index = json.loads((lang_root(site, 'zh') / 'search' / 'search_index.json').read_text('utf-8'))
    parts = index['config']['parts']
    assert parts.get('变量名') == ['变量'], f'the zh index lists {parts.get("变量名")} as the parts of 变量名'
    whole = [line.split()[0] for line in (ROOT / 'search_words_zh.txt').read_text('utf-8').splitlines() if line.split()[1:] != ['0']]
    cut = [word for word in whole if word in parts]
    assert not cut, f'words that search_words_zh.txt keeps whole have parts in the zh index: {cut}'
    assert index['config']['catalogue'] == 'errors/'


def test_notebook_pages_link_to_colab_and_to_the_download(site: Path) -> None:
    repository = mkdocs_config()['extra']['repository'].rstrip('/').removeprefix('https://github.com/')
    problems = []
    for lang, page, html in notebook_built_pages(site):
        links = {a.get_text(strip=True): a['href'] for a in soup(html).select('.notebook-links a')}
        colab = f'https://colab.research.google.com/github/{repository}/blob/main/examples/{lang}/{page.name}'
        if colab not in links.values():
            problems.append(f'docs/{lang}/{page}: no "Open in Colab" link to {colab} (found {links})')
        downloads = [href for href in links.values() if href.endswith('.ipynb') and not href.startswith('http')]
        target = (html.parent / downloads[0]).resolve() if downloads else None
        if target is None or not target.is_file() or target.read_bytes() != (ROOT / notebook_source(lang, page)).read_bytes():
            problems.append(f'docs/{lang}/{page}: its download link does not lead to examples/{lang}/{page.name}')
    assert notebook_built_pages(site), 'no notebook pages were checked'
    assert not problems, '\n'.join(problems)


def test_notebook_pages_weigh_like_other_pages(site: Path) -> None:
    """mkdocs-jupyter inlines ~570 kB of JupyterLab CSS into each notebook
    page unless hooks/i18n_notebooks.py trims it."""
    largest_page = max(html.stat().st_size for _, page, html in all_built_pages(site) if page.suffix == '.md')
    heavy = [
        f'docs/{lang}/{page}: {html.stat().st_size // 1024} kB, the largest Markdown page is {largest_page // 1024} kB'
        for lang, page, html in notebook_built_pages(site)
        if html.stat().st_size > 1.5 * largest_page
    ]
    assert not heavy, '\n'.join(heavy)


HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']


def heading_title(heading) -> str:
    """A heading's words, without its permalink (¶)."""
    return ''.join(text for text in heading.find_all(string=True) if text.find_parent('a', class_='headerlink') is None).strip()


def test_notebook_headings_have_unique_ids_that_the_toc_reaches(site: Path) -> None:
    """A heading with no id, or one that another element has, cannot be
    linked to; the table of contents must lead to every section's heading
    (hooks/i18n_notebooks.py gives notebook headings their ids)."""
    problems = []
    for lang, page, html in notebook_built_pages(site):
        doc = soup(html)
        where = f'{notebook_source(lang, page)} ({html.relative_to(site)})'
        ids = [element['id'] for element in doc.find_all(id=True)]
        headings = doc.find('article').find_all(HEADING_TAGS)
        for heading in headings:
            id_ = heading.get('id', '')
            if not id_:
                problems.append(f'{where}: the heading "{heading_title(heading)}" has no id')
            elif ids.count(id_) > 1:
                problems.append(f'{where}: the heading "{heading_title(heading)}" has the id "{id_}", which {ids.count(id_) - 1} other element(s) have too')
            permalink = heading.find('a', class_='headerlink')
            if permalink is not None and permalink.get('href') != f'#{id_}':
                problems.append(f'{where}: the permalink of "{heading_title(heading)}" leads to {permalink.get("href")}, not #{id_}')
        by_id = {heading.get('id'): heading for heading in headings}
        listed = set()
        for link in doc.select('.md-sidebar--secondary a.md-nav__link'):
            target = by_id.get(link['href'].removeprefix('#')) if link['href'].startswith('#') else None
            listed.add(link['href'].removeprefix('#'))
            if target is None:
                problems.append(f'{where}: the table of contents links "{link.get_text(strip=True)}" to {link["href"]}, which is no heading of the page')
            elif heading_title(target) != link.get_text(strip=True):
                problems.append(f'{where}: the table of contents links "{link.get_text(strip=True)}" to the heading "{heading_title(target)}"')
        for heading in headings:
            if heading.name != 'h1' and heading.get('id') not in listed:
                problems.append(f'{where}: the table of contents has no link to "{heading_title(heading)}"')
    assert notebook_built_pages(site), 'no notebook pages were checked'
    assert not problems, '\n'.join(problems)


def test_notebook_twins_have_the_same_heading_ids(site: Path) -> None:
    """A section of a notebook has the same address in every language, as
    the Markdown pages' sections do (their {#id}s)."""
    problems = []
    for lang, page, html in notebook_built_pages(site):
        if lang == DEFAULT_LANGUAGE:
            continue
        twin = built_page(site, DEFAULT_LANGUAGE, page)
        ids = [h.get('id') for h in soup(html).find('article').find_all(HEADING_TAGS)]
        twin_ids = [h.get('id') for h in soup(twin).find('article').find_all(HEADING_TAGS)]
        if ids != twin_ids:
            problems.append(f'{notebook_source(lang, page)} has the heading ids {ids}, its twin {notebook_source(DEFAULT_LANGUAGE, page)} has {twin_ids}')
    assert not problems, '\n'.join(problems)


def test_notebook_pages_link_to_github_and_say_which_tensorflow_printed_the_outputs(site: Path) -> None:
    """Beside Colab and the download, the source on GitHub; and a note that
    Colab's TensorFlow may be another than the one that printed the outputs.
    Every label and the note in the page's own language."""
    extra = mkdocs_config()['extra']
    repository, version = extra['repository'].rstrip('/'), extra['tensorflow_version']
    words = {}  # (lang, page): the links' labels and the note
    problems = []
    for lang, page, html in notebook_built_pages(site):
        doc, where = soup(html), notebook_source(lang, page)
        hrefs = [a['href'] for a in doc.select('.notebook-links a')]
        github = f'{repository}/blob/main/{where}'
        if github not in hrefs:
            problems.append(f'{where}: no "View on GitHub" link to {github} (found {hrefs})')
        note = doc.select_one('.notebook-version')
        if note is None or version not in note.get_text():
            problems.append(f'{where}: no note that its outputs were printed by TensorFlow {version} ({note})')
        words[lang, page] = [a.get_text(strip=True) for a in doc.select('.notebook-links a')] + [note.get_text(strip=True) if note else '']
    for (lang, page), texts in words.items():
        english = set(words.get((DEFAULT_LANGUAGE, page), []))
        if lang != DEFAULT_LANGUAGE:
            problems += [
                f'{notebook_source(lang, page)}: "{text}" is not translated (mkdocs.yml, extra.words.notebook_*)'
                for text in texts
                if text in english or not re.search('[\u4e00-\u9fff]', text)
            ]
    assert not problems, '\n'.join(problems)


def test_the_tensorflow_version_of_mkdocs_yml_is_the_one_installed() -> None:
    """extra.tensorflow_version, which the notebook pages show, is the
    TensorFlow that tests/test_docs.py and tests/test_notebooks.py run."""
    from importlib.metadata import PackageNotFoundError, version

    installed = []
    for distribution in ('tensorflow', 'tensorflow-cpu'):
        with contextlib.suppress(PackageNotFoundError):
            installed.append(version(distribution))
    stated = mkdocs_config()['extra']['tensorflow_version']
    assert installed, 'TensorFlow is not installed (`make install`)'
    assert stated in installed, f'mkdocs.yml: extra.tensorflow_version is {stated}, but TensorFlow {installed[0]} is installed'


# The pages whose blocks show outputs, in every language (hooks/shown_outputs.py
# marks the outputs; tests/browser/test_outputs_look.py sees how they look).
OUTPUT_PAGES = [
    (lang, page)
    for lang in LANGUAGES
    for page in pages(lang)
    if any(shown_output_lines(fence.code) for fence in fences(DOCS / lang / page) if 'py' in fence.info)
]
OUTPUT_PAGE_IDS = [f'{lang}/{page.as_posix()}' for lang, page in OUTPUT_PAGES]


@pytest.mark.parametrize(('lang', 'page'), OUTPUT_PAGES, ids=OUTPUT_PAGE_IDS)
def test_every_shown_output_is_marked_as_output(site: Path, lang: str, page: Path) -> None:
    html = soup(built_page(site, lang, page))
    marked = [unescape(span.get_text()).strip() for span in html.select('article .highlight .go')]
    expected = [line for fence in fences(DOCS / lang / page) if 'py' in fence.info for line in shown_output_lines(fence.code)]
    if marked != expected:
        missed = [line for line in expected if line not in marked]
        extra = [line for line in marked if line not in expected]
        pytest.fail(
            f'docs/{lang}/{page}: the built page marks {len(marked)} lines as output, the page shows {len(expected)}.\n'
            f'not marked: {missed[:5]}\nmarked but not an output: {extra[:5]}\n'
            '(hooks/shown_outputs.py marks `#>` lines and triple-quoted blocks whose quotes stand alone on their lines)',
            pytrace=False,
        )


def test_blocks_that_need_a_fresh_python_say_so_above_them(site: Path) -> None:
    """A fence's fresh="why" is a note for the reader (hooks/fresh_python.py):
    the built page shows it, titled in the page's language, right above the block."""
    problems = []
    for lang in LANGUAGES:
        title = words(lang)['fresh_python']
        for page in pages(lang):
            marked = [fence for fence in fences(DOCS / lang / page) if 'fresh' in fence.settings]
            if not marked:
                continue
            html = soup(built_page(site, lang, page))
            notes = [note for note in html.select('article .admonition') if note.select_one('.admonition-title').get_text(strip=True) == title]
            shown = [(note.get_text(' ', strip=True).removeprefix(title).strip(), note.find_next_sibling()) for note in notes]
            for fence, (text, after) in zip(marked, shown):
                why = fence.settings['fresh']
                if ' '.join(why.replace('`', '').split()) != text or after is None or 'highlight' not in after.get('class', []):
                    problems.append(f'{fence}: the page shows no "{title}: {why}" note right above this block (found {text!r})')
            if len(notes) != len(marked):
                problems.append(f'docs/{lang}/{page}: {len(marked)} blocks ask for a fresh Python, the built page has {len(notes)} such notes')
    assert not problems, '\n'.join(problems)


def test_claim_markers_do_not_reach_the_built_pages(site: Path) -> None:
    """The claim markers are for tests/test_claims.py: hooks/claim_markers.py removes them."""
    left = [
        f'docs/{lang}/{page}: {html.relative_to(site)} still has a claim marker'
        for lang, page, html in all_built_pages(site)
        if re.search(r'<!--\s*shown by', html.read_text('utf-8'))
    ]
    assert not left, '\n'.join(left)
