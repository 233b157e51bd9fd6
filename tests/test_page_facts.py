"""What every built page says about itself, in its own language.

Its description and Open Graph tags (hooks/page_meta.py, overrides/main.html),
the TensorFlow that printed its outputs (overrides/partials/copyright.html),
when its source last changed, and where to edit it or report a problem
(overrides/partials/source-file.html); and on pages in another language than
English, none of the theme's English words.
"""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

import built_site
from built_site import built_page
from pages import DEFAULT_LANGUAGE, LANGUAGES, ROOT, SITE_PAGE_IDS, SITE_PAGES, mkdocs_config, site_pages, source_of, words

PAGES, PAGE_IDS = SITE_PAGES, SITE_PAGE_IDS
CONFIG = mkdocs_config()


def last_changed(source: Path) -> str:
    """The UTC day of the last commit that changed a file; today if none did
    or git cannot tell (not a repository), as the plugin has it."""
    stamp = subprocess.run(['git', 'log', '-1', '--format=%ct', '--', str(source)], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    moment = datetime.fromtimestamp(int(stamp), UTC) if stamp else datetime.now(UTC)
    return moment.date().isoformat()


def soup(site: Path, lang: str, page: Path, mutable: bool = False) -> BeautifulSoup:
    return built_site.soup(built_page(site, lang, page), mutable)


def meta(html: BeautifulSoup, key: str) -> str | None:
    tag = html.find('meta', attrs={'property': key}) or html.find('meta', attrs={'name': key})
    return tag.get('content') if tag else None


@pytest.mark.parametrize('lang', LANGUAGES)
def test_each_page_has_its_own_description_in_its_language(site: Path, lang: str) -> None:
    seen: dict[str, Path] = {}
    for page in site_pages(lang):
        html = soup(site, lang, page)
        description = meta(html, 'description')
        where = f'docs/{lang}/{page} (built: {built_page(site, lang, page).relative_to(site)})'
        assert description, f'{where}: no <meta name="description">'
        assert description not in seen, f'{where}: the same description as {seen.get(description)}: {description!r}'
        seen[description] = page
        assert meta(html, 'og:description') == description, f'{where}: og:description is not the description'
        if lang == 'zh':
            assert re.search('[\u4e00-\u9fff]', description), f'{where}: the description is not in Chinese: {description!r}'


@pytest.mark.parametrize(('lang', 'page'), PAGES, ids=PAGE_IDS)
def test_page_facts(site: Path, lang: str, page: Path) -> None:
    html = soup(site, lang, page)
    where = f'docs/{lang}/{page}'
    said = words(lang)
    # Open Graph
    title = html.find('title').get_text()
    og_title = meta(html, 'og:title')
    assert og_title and og_title in title, f'{where}: og:title {og_title!r} is not the page title {title!r}'
    assert meta(html, 'og:locale') == said['og_locale'], f'{where}: og:locale is {meta(html, "og:locale")!r}'
    canonical = html.find('link', rel='canonical')
    assert canonical and meta(html, 'og:url') == canonical['href'], f'{where}: og:url is not the canonical address'
    # The TensorFlow behind the outputs, in the footer
    verified = html.select_one('.md-copyright__highlight a')
    expected = said['verified'].replace('{version}', CONFIG['extra']['tensorflow_version'])
    assert verified and verified.get_text(strip=True) == expected, f'{where}: the footer does not say {expected!r}'
    # Last updated, from git
    facts = html.select_one('.page-facts')
    assert facts, f'{where}: no "last updated / edit / report" line under the page'
    source = source_of(lang, page)
    date = facts.select_one('.git-revision-date-localized-plugin')
    assert date and date.get_text(strip=True) == last_changed(source), (
        f'{where}: "{said["updated"]}" says {date.get_text(strip=True) if date else None}, git says {last_changed(source)} for {source}'
    )
    # Edit and report
    edit, report = (link['href'] for link in facts.select('a'))
    assert edit == f'{CONFIG["extra"]["repository"]}/edit/main/{source.as_posix()}', f'{where}: edit link {edit}'
    assert (ROOT / source).is_file(), f'{where}: the edit link points at {source}, which does not exist'
    query = parse_qs(urlsplit(report).query)
    assert urlsplit(report).path.endswith('/issues/new') and query['title'][0].startswith(said['report_title']), (
        f'{where}: the report link {report} does not open a new issue titled after the page'
    )


# The theme's words in English, as they appear in a page's HTML.
ENGLISH_UI = [
    'Permanent link',
    'Switch to dark mode',
    'Switch to light mode',
    'Made with',
    'Last updated',
    'Last update',
    'Edit this page',
    'Report a problem',
    'Every output on this site',
    'Run in Google Colab',
    'View source on GitHub',
    'Download notebook',
]


@pytest.mark.parametrize(
    ('lang', 'page'),
    [(lang, page) for lang, page in PAGES if lang != DEFAULT_LANGUAGE],
    ids=[id_ for (lang, _), id_ in zip(PAGES, PAGE_IDS) if lang != DEFAULT_LANGUAGE],
)
def test_no_english_theme_words_on_other_language_pages(site: Path, lang: str, page: Path) -> None:
    html = soup(site, lang, page, mutable=True)
    for code in html.select('pre, code, script'):
        code.decompose()
    text = str(html)
    found = [phrase for phrase in ENGLISH_UI if phrase in text]
    nav = [label.get_text(strip=True) for label in html.select('.md-nav__link') if label.get_text(strip=True) in ('Notebook', 'Notebooks')]
    assert not found + nav, f'docs/{lang}/{page}: English words of the theme on a {lang} page: {found + nav}'
