"""The colours of code, checked once per language and colour scheme.

Code blocks are drawn in the theme's colours, one per kind of token, the same
on every page; axe-core's colour rules on all of them cost more than all the
other checks of a page together, so test_pages.py leaves them out of its
colour runs. Here they are checked on the fewest pages that, together, have
every kind of token that any page's code blocks have.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import COLOUR_RULES, Tab, serious_violations, switch_scheme
from built_site import Served, built_page
from pages import LANGUAGES, SITE_PAGES

# A token of a code block: Pygments writes each as <span class="kind">.
TOKEN = re.compile(r'<span class="([a-z0-9]{1,3})">')
HIGHLIGHT = re.compile(r'<div class="highlight">(.*?)</div>', re.S)


def token_kinds(html: Path) -> set[str]:
    return {kind for block in HIGHLIGHT.findall(html.read_text('utf-8')) for kind in TOKEN.findall(block)}


def fewest_pages_with_every_kind(site: Path, lang: str) -> list[tuple[Path, set[str]]]:
    """Pages of the language that together have every kind of token (greedy
    cover: the page with most kinds not yet covered, until none is left)."""
    kinds = {page: token_kinds(built_page(site, lang, page)) for page_lang, page in SITE_PAGES if page_lang == lang}
    left = set().union(*kinds.values())
    chosen = []
    while left:
        page = max(kinds, key=lambda p: (len(kinds[p] & left), p.as_posix()))
        chosen.append((page, kinds[page] & left))
        left -= kinds[page]
    return chosen


@pytest.mark.parametrize('scheme', ['light', 'dark'])
@pytest.mark.parametrize('lang', LANGUAGES)
def test_every_kind_of_code_token_reads_against_its_block(tab: Tab, served: Served, site: Path, lang: str, scheme: str) -> None:
    chosen = fewest_pages_with_every_kind(site, lang)
    assert chosen, f'no code block on any {lang} page: nothing to check'
    problems = []
    for page, kinds in chosen:
        tab.open(served.path(lang, page), settle=False)
        if scheme == 'dark':
            switch_scheme(tab)
        # Blocks in tabs that are not chosen have no boxes: show every block.
        tab.page.evaluate("() => document.querySelectorAll('.tabbed-block').forEach(block => { block.style.display = 'block' })")
        found = serious_violations(tab.page, COLOUR_RULES)
        problems += [f'docs/{lang}/{page} (tokens {", ".join(sorted(kinds))}), {scheme} scheme: {line}' for line in found]
    assert not problems + tab.problems, '\n'.join(problems + tab.problems)
