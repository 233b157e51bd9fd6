"""Mark what a code block shows as output, so that it reads as output.

An example shows what its prints wrote in two forms (see CONTRIBUTING.md):
`#>` lines, and a triple-quoted block under the print. Pygments highlights
both as Python, a comment and a docstring, so outputs were the faintest text
on the page. Here both get the class `go` (Pygments' own name for
Generic.Output); the "Outputs" section of
overrides/assets/stylesheets/overrides.css gives them their look, and wraps
long ones. Only classes change: the text, and so what the copy button copies,
stays the code that runs.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# Where a line's indentation ends: Pygments writes it bare, or in a "w" span.
_INDENT = r'(?P<lead>(?:^|\n)(?:<span class="w">)?(?P<indent> *)(?:</span>)?)'

# `#> conv1/weights:0`, highlighted as a comment.
_OUTPUT_LINE = re.compile(_INDENT + r'<span class="c1">(?P<text>#&gt;.*?)</span>')

# A triple-quoted output: a line holding only the opening quotes, the lines
# of the output, and a line ending in the closing quotes, one docstring span
# each. A docstring whose text starts on the line of its opening quotes does
# not match, so a function's docstring is left as it is.
_OUTPUT_BLOCK = re.compile(_INDENT + r'<span class="sd">(?:&quot;|"){3}</span>\n(?:<span class="sd">[^<]*</span>\n)*?<span class="sd"> *(?:&quot;|"){3}</span>')
_DOCSTRING_LINE = re.compile(r'<span class="sd">( *)([^<]*)</span>')


def _output(text: str, indent: str) -> str:
    # An output is a box of its own that wraps within what the line's
    # indentation leaves of the block, so that a wrapped line starts under
    # the output, not at the block's left edge (see the "Outputs" CSS).
    return f'<span class="go go-i{len(indent)}">{text}</span>'


def _output_line(line: re.Match[str]) -> str:
    return line['lead'] + _output(line['text'], line['indent'])


def _output_block(block: re.Match[str]) -> str:
    first, *rest = _DOCSTRING_LINE.finditer(block[0])
    lines = [block['lead'] + _output(first[2], block['indent'])]
    lines += [line[1] + _output(line[2], line[1]) for line in rest]
    return '\n'.join(lines)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = _OUTPUT_LINE.sub(_output_line, html)
    return _OUTPUT_BLOCK.sub(_output_block, html)
