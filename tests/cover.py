"""The fewest pages that together hold every kind of element the site has.

What the theme draws (colours in either scheme, layout on a phone) is the same
for every element of one kind on every page, so the browser tests check the
theme on a cover of the pages (tests/browser/test_theme.py), not on all of
them; content, which varies from page to page, is checked on every page
(tests/browser/test_pages.py).

A kind is an element of the article that holds text, told by its tag and
classes and those of its parent: `div.admonition.note > p`, `a > code` (code
in a link), `code > span.kn` (a keyword of highlighted code), `th`,
`p.notebook-links > a.md-button`; and each language's chrome (header,
navigation, footer: the same on every page of the language). The languages'
pages have the same kinds of element, so the cover is one for the whole site.
It is computed from the built HTML, never listed by hand, so a page that
brings a new kind joins it by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import Tag

from built_site import all_built_pages, soup
from pages import DEFAULT_LANGUAGE, LANGUAGES


@dataclass(frozen=True, order=True)
class Kind:
    parent: str  # 'div.admonition.note'
    element: str  # 'p.admonition-title'

    def __str__(self) -> str:
        return f'{self.parent} > {self.element}'

    @property
    def selector(self) -> str:
        """A CSS selector for the elements of this kind."""
        return f'{self.parent} > {self.element}'


def _name(element: Tag) -> str:
    return element.name + ''.join(f'.{name}' for name in sorted(element.get('class', [])))


def kinds(html: Path) -> set[Kind]:
    """The kinds of the text-holding elements in a built page's article."""
    article = soup(html).find('article')
    if article is None:
        return set()
    return {
        Kind(_name(element.parent), _name(element))
        for element in article.find_all(True)
        if any(isinstance(child, str) and child.strip() for child in element.children)
    }


def chrome(lang: str) -> Kind:
    """The kind that stands for a language's chrome: all of a page but its article."""
    return Kind('chrome', lang)


def page_kinds(site: Path, lang: str) -> dict[Path, set[Kind]]:
    """Every page of a language (relative to docs/<lang>/) and its kinds."""
    return {page: kinds(html) | {chrome(lang)} for page_lang, page, html in all_built_pages(site) if page_lang == lang}


def cover(site: Path) -> list[tuple[str, Path, set[Kind]]]:
    """The pages of the site that together hold every kind, as (language,
    page, the kinds it brings that the pages before it do not); greedy: the
    page that brings most, until every kind is in."""
    found = {(lang, page): kinds for lang in LANGUAGES for page, kinds in page_kinds(site, lang).items()}
    left = set().union(*found.values())
    chosen = []
    while left:
        lang, page = max(found, key=lambda key: (len(found[key] & left), key[0] == DEFAULT_LANGUAGE, key[1].as_posix()))
        chosen.append((lang, page, found[lang, page] & left))
        left -= found[lang, page]
    return chosen
