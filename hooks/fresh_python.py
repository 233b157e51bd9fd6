"""A block that needs a fresh Python tells the reader so, above it.

A reader who follows a page in one notebook runs each block after the blocks
above it. Most blocks print the same either way; a block that teaches what
the whole process keeps (graph or eager mode, Keras' name counters, the root
variable scope) cannot, and its fence says why, in the page's language:

    ```{.py fresh="Keras counts the layer names of the whole process."}

This hook writes that above the block as a note, titled in the page's language
(`extra.words.fresh_python`), so that the reader restarts the kernel first.
tests/test_in_order.py checks that each note is still needed.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# The opening line of a brace fence with a `fresh="..."` setting.
_FRESH_FENCE = re.compile(r'^(?P<indent> *)`{3,}\{[^}\n]*\bfresh="(?P<why>[^"]+)"[^}\n]*\}[ \t]*$', re.M)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    title = config.extra['words']['fresh_python']

    def note(fence: re.Match[str]) -> str:
        indent = fence['indent']
        # An admonition at the fence's own indentation, so that a block in a
        # content tab or a list keeps its note inside it.
        return f'{indent}!!! warning "{title}"\n\n{indent}    {fence["why"]}\n\n{fence[0]}'

    return _FRESH_FENCE.sub(note, markdown)
