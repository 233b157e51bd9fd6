"""Rules for the code blocks of the pages that need no TensorFlow (the
examples themselves run in tests/test_docs.py): a block that continues others
says so, a block that prints shows what it prints, names quoted in the prose
are printed on the same page, and the README names the TensorFlow behind the
outputs.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from pages import DOCS, EXAMPLES, ROOT, earlier_in_group, mkdocs_config, shown_outputs, without_code_blocks


def test_continuing_blocks_say_so() -> None:
    """A block that continues earlier ones must tell the reader, in its first line."""
    silent = [str(ex) for ex in EXAMPLES if earlier_in_group(ex) and not ex.source.lstrip().startswith('#')]
    assert not silent, 'these blocks continue earlier blocks of their group but do not start with a comment saying so:\n  ' + '\n  '.join(silent)


def test_readme_names_the_tensorflow_behind_the_outputs() -> None:
    """mkdocs.yml's extra.tensorflow_version is the installed one (test_site.py)."""
    version = mkdocs_config()['extra']['tensorflow_version']
    readme = (ROOT / 'README.md').read_text('utf-8')
    assert f'TensorFlow {version}' in readme, f'README.md: the outputs now come from TensorFlow {version}; say so in the README'


def test_printing_blocks_show_their_output() -> None:
    """A print whose output pytest-examples did not see (for example one that
    runs inside a tf.function, whose code autograph rewrites) leaves no `#>`
    line, and nothing would check it."""
    unchecked = [str(ex) for ex in EXAMPLES if re.search(r'^\s*print\(', ex.source, re.M) and not re.search(r'^\s*(#>|""")', ex.source, re.M)]
    assert not unchecked, 'these blocks print, but show no output to check:\n  ' + '\n  '.join(unchecked)


def test_names_in_prose_are_printed_on_the_page() -> None:
    """A tensor or variable name quoted in the prose (`conv1_1/weights:0`)
    must be one that an example on the same page prints: prose cannot claim
    a name that TensorFlow was never asked for. A table row that links to
    other pages (the home page's "What you see") may quote what those print."""
    name = re.compile(r'`([\w./-]+:\d+)`')
    link = re.compile(r'\]\(([\w./-]+\.md)(?:#[\w-]*)?\)')

    def printed_on(page: Path) -> str:
        return shown_outputs('\n'.join(ex.source for ex in EXAMPLES if ex.path == page))

    problems = []
    for path in sorted(DOCS.rglob('*.md')):
        text = path.read_text('utf-8')
        printed = printed_on(path)
        lines = without_code_blocks(text).splitlines()
        for n, line in enumerate(lines, 1):
            if path.name == 'cheatsheet.md' and line.startswith('|'):
                continue  # its table cells are checked by test_cheatsheet.py
            linked = [printed_on(Path(os.path.normpath(path.parent / target))) for target in link.findall(line)] if line.startswith('|') else []
            for m in name.finditer(line):
                if m[1] not in printed and not any(m[1] in other for other in linked):
                    where = 'on this page or the pages its row links to' if linked else 'on this page'
                    problems.append(f'{path.relative_to(DOCS.parent)}:{n}: `{m[1]}` is printed by no example {where}')
    assert not problems, '\n'.join(problems)


def test_fence_settings_hold_no_backticks() -> None:
    """CommonMark ends a fence's info string at a backtick, so a setting with
    one (fresh="... `x` ...") would make the tests read the page's blocks
    otherwise than the site does. Write names in a setting without backticks."""
    opening = re.compile(r'^ *`{3,}\{.*`')
    found = [
        f'{path.relative_to(ROOT)}:{n}: a backtick in the fence settings: {line.strip()[:80]}'
        for path in sorted(DOCS.rglob('*.md'))
        for n, line in enumerate(path.read_text('utf-8').splitlines(), 1)
        if opening.match(line)
    ]
    assert not found, '\n'.join(found)
