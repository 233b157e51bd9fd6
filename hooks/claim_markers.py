"""Take the claim markers out of the pages: they are for the tests, not for readers.

A sentence that generalises ends with a marker naming the blocks that show it
(`<!-- shown by #eager-reentry -->`, checked by tests/test_claims.py). An HTML
comment is not drawn, but it would still reach the built HTML, the search
index and the page's description; removed here, before Markdown, it leaves
no trace. The blocks keep their ids (`{.py #eager-reentry}`): they are
anchors a link can point to.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# The marker with the space before it, so that no double space is left.
_MARKER = re.compile(r'[ \t]*<!--\s*shown by\s[^>]*?-->')


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _MARKER.sub('', markdown)
