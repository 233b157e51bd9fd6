"""Each page's description, and the words Markdown writes, in its language.

- Description: without one in its front matter, every page carried the site's
  description, so search engines and link previews (the Open Graph tags in
  overrides/main.html) showed the same sentence for all of them. Each page
  now gets its first paragraph, cut at a word or sentence boundary.
- "Permanent link": the toc extension's title for the ¶ after each heading is
  one setting for all languages (markdown_extensions cannot be set per
  language in mkdocs-static-i18n); other languages get theirs from
  `extra.words.permalink`.
"""

from __future__ import annotations

import re
from html import unescape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# Long enough for a sentence or two, short enough for a search result.
_LONGEST = 160

_PARAGRAPH = re.compile(r'<p>(.*?)</p>', re.S)
_TAG = re.compile(r'<[^>]+>')


def description(html: str) -> str | None:
    """The page's first paragraph as plain text, at most _LONGEST characters."""
    first = _PARAGRAPH.search(html)
    if first is None:
        return None
    text = ' '.join(unescape(_TAG.sub('', first[1])).split())
    if len(text) <= _LONGEST:
        return text
    cut = text[: _LONGEST - 1]
    # Chinese has no spaces: end after a full stop or comma if there is one.
    boundary = max(cut.rfind(mark) for mark in ('。', '，', '；', '. ', ', ', ' '))
    cut = (cut[: boundary + 1] if boundary > _LONGEST // 2 else cut).rstrip(' ,，')
    # A whole sentence needs no ellipsis.
    return cut if cut.endswith(('.', '?', '!', '。', '？', '！')) else cut + '…'


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.meta.get('description'):
        page.meta['description'] = description(html) or config.site_description
    permalink = config.extra['words']['permalink']
    return html.replace('title="Permanent link"', f'title="{permalink}"')
