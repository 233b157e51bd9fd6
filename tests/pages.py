"""The one model of the pages in docs/ that the tests share: the languages
and where each one's pages live and are served, the pages and the notebooks,
the code blocks (fences) with their settings and the content tab each sits
in, the outputs a block shows, and the headings.

docs/<lang>/ holds one folder per language (mkdocs-static-i18n's `folder`
structure); its notebooks are examples/<lang>/*.ipynb, linked into it as
docs/<lang>/notebooks. The languages are read from mkdocs.yml, so adding one
there is enough for every test to cover it.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.yaml import yaml_load
from pytest_examples import CodeExample, find_examples

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / 'docs'
EXAMPLES_DIR = ROOT / 'examples'  # the notebooks, one folder per language


def mkdocs_config() -> dict:
    """mkdocs.yml, read by MkDocs' own YAML loader: `!ENV` takes the
    environment's value, as in the build (REPOSITORY_URL, SITE_URL)."""
    with (ROOT / 'mkdocs.yml').open('rb') as file:
        return yaml_load(file)


def i18n_languages() -> list[dict]:
    for plugin in mkdocs_config()['plugins']:
        if isinstance(plugin, dict) and 'i18n' in plugin:
            return plugin['i18n']['languages']
    raise AssertionError('mkdocs.yml has no i18n plugin')


LANGUAGES = [lang['locale'] for lang in i18n_languages()]


def words(lang: str) -> dict[str, str]:
    """mkdocs.yml's extra.words as a language's pages have them: the words
    the templates and hooks write (`fresh_python`, `updated`, ...)."""
    own = next(language for language in i18n_languages() if language['locale'] == lang).get('extra', {})
    return own.get('words', mkdocs_config()['extra']['words'])


DEFAULT_LANGUAGE = next(lang['locale'] for lang in i18n_languages() if lang.get('default'))


def language_root(lang: str) -> str:
    """The URL path of a language's home: '/' for the default language,
    '/<lang>/' for the others."""
    return '/' if lang == DEFAULT_LANGUAGE else f'/{lang}/'


def pages(lang: str) -> list[Path]:
    """The Markdown pages of one language, relative to docs/<lang>/."""
    return sorted(p.relative_to(DOCS / lang) for p in (DOCS / lang).rglob('*.md'))


def notebook_pages(lang: str) -> list[Path]:
    """The notebooks of one language as pages, relative to docs/<lang>/.

    docs/<lang>/notebooks links to examples/<lang>/; rglob does not follow
    that link, so it is listed on its own.
    """
    folder = DOCS / lang / 'notebooks'
    return sorted(Path('notebooks') / p.name for p in folder.glob('*.ipynb'))


def notebook_source(lang: str, page: Path | str) -> Path:
    """The file a notebook page of docs/<lang>/ is made from, relative to the
    project: examples/<lang>/<name>.ipynb."""
    return Path('examples', lang, Path(page).name)


def source_of(lang: str, page: Path) -> Path:
    """The file a page of docs/<lang>/ is built from, relative to the project."""
    return notebook_source(lang, page) if page.parts[0] == 'notebooks' else Path('docs', lang, page)


def site_pages(lang: str) -> list[Path]:
    """Every page the site builds for one language."""
    return pages(lang) + notebook_pages(lang)


# Every page of the site, in every language, as (language, page), and the
# test ids that name them ('zh/guide/names.md').
SITE_PAGES = [(lang, page) for lang in LANGUAGES for page in site_pages(lang)]
SITE_PAGE_IDS = [f'{lang}/{page.as_posix()}' for lang, page in SITE_PAGES]


@dataclass
class Fence:
    path: Path
    line: int  # 1-based line of the opening ```
    info: str  # what follows the opening ```, e.g. {.py group="x"}
    code: str

    def __str__(self) -> str:
        return f'{self.path.relative_to(ROOT)}:{self.line}'

    @property
    def settings(self) -> dict[str, str]:
        """The fence's settings: {.py group="x" cheat="y"} -> {'group': 'x', 'cheat': 'y'}."""
        return dict(_SETTING.findall(self.info))

    @property
    def ids(self) -> list[str]:
        """The ids the fence gives its block, {.py #eager-reentry}: an HTML id
        on the built page, and what a claim marker names (test_claims.py)."""
        return _BLOCK_ID.findall(self.info) if self.info.startswith('{') else []

    @property
    def shared_info(self) -> str:
        """The fence's info as every translation must have it: the values of
        the settings that speak to the reader (`fresh`) are in the page's
        language, so only their presence is shared."""
        return re.sub(rf'\b({"|".join(READER_SETTINGS)})="[^"]*"', r'\1="…"', self.info)

    @property
    def tab_label(self) -> str | None:
        """The label of the content tab (`=== "TF2 eager"`) that holds the block, if any."""
        lines = self.path.read_text('utf-8').splitlines()
        fence_indent = len(lines[self.line - 1]) - len(lines[self.line - 1].lstrip())
        for line in reversed(lines[: self.line - 1]):
            m = _TAB.match(line)
            if m and len(m['indent']) < fence_indent:
                return m['label']
            if line.strip() and len(line) - len(line.lstrip()) < fence_indent and not m:
                return None  # left the indented block before finding a tab
        return None


# Fence settings whose value is written for the reader, in the page's
# language (hooks/fresh_python.py shows it above the block).
READER_SETTINGS = ('fresh',)

_BLOCK_ID = re.compile(r'(?:^|[\s{])#([\w-]+)(?=[\s}])')
_SETTING = re.compile(r'(\w+)="([^"]*)"')
_TAB = re.compile(r'^(?P<indent> *)=== "(?P<label>[^"]+)"')


_FENCE = re.compile(r'^(?P<indent> *)(?P<ticks>`{3,}|~{3,})(?P<info>[^\n`]*)\n(?P<code>.*?)^(?P=indent)(?P=ticks)[ \t]*$', re.M | re.S)


def fences(path: Path) -> list[Fence]:
    text = path.read_text('utf-8')
    found = []
    for m in _FENCE.finditer(text):
        code = re.sub(rf'^{m["indent"]}', '', m['code'], flags=re.M)
        found.append(Fence(path, text.count('\n', 0, m.start()) + 1, m['info'].strip(), code))
    return found


def without_comments(code: str, info: str) -> str:
    """Code with its comments removed, but not its `#>` outputs.

    Comments are the one part of a code block that a translation may change.
    """
    if 'py' not in info:
        return code
    kept = []
    for tok in tokenize.generate_tokens(io.StringIO(code).readline):
        if tok.type == tokenize.COMMENT and not tok.string.startswith('#>'):
            continue
        kept.append(tok)
    lines = tokenize.untokenize(kept).splitlines()
    return '\n'.join(line.rstrip() for line in lines if line.strip()) + '\n'


# What a block shows as output: a `#>` line, or a triple-quoted block whose
# quotes stand alone on their lines.
_SHOWN_OUTPUT = re.compile(r'^[ \t]*#> ?([^\n]*)$|^[ \t]*"""\n(.*?)^[ \t]*"""[ \t]*$', re.M | re.S)


def shown_outputs(code: str) -> str:
    """The outputs a block shows, one after the other: its `#>` lines and
    the insides of its triple-quoted output blocks."""
    return '\n'.join(line if block is None else block for line, block in _shown(code))


def shown_output_lines(code: str) -> list[str]:
    """The lines of a block that show an output, as the page draws them,
    unindented: `#>` lines whole, and triple-quoted blocks with their quotes."""
    lines: list[str] = []
    for line, block in _shown(code):
        if block is None:
            lines.append(f'#> {line}'.rstrip() if line else '#>')
        else:
            lines += ['"""', *(text.strip() for text in block.splitlines()), '"""']
    return lines


def _shown(code: str) -> list[tuple[str | None, str | None]]:
    return [(m[1], None) if m[1] is not None else (None, m[2]) for m in _SHOWN_OUTPUT.finditer(code)]


_HEADING = re.compile(r'^(#{1,6}) +(.*?)(?: +\{#(?P<id>[\w-]+)\})? *$', re.M)


@dataclass
class Heading:
    line: int
    level: int
    text: str
    id: str | None


def without_code_blocks(text: str) -> str:
    """Markdown with its code blocks blanked out, each line of them left
    empty, so that what remains keeps the page's line numbers."""
    return _FENCE.sub(lambda fence: '\n' * fence[0].count('\n'), text)


def headings_in(text: str) -> list[Heading]:
    """The headings of Markdown text (a page, a notebook's markdown cell);
    a `#` line inside a code block is no heading."""
    text = without_code_blocks(text)
    return [Heading(text.count('\n', 0, m.start()) + 1, len(m[1]), m[2], m['id']) for m in _HEADING.finditer(text)]


def headings(path: Path) -> list[Heading]:
    return headings_in(path.read_text('utf-8'))


# --- the code blocks, as pytest-examples reads them -------------------------------

# Every code block of every page, in page order (tests/test_docs.py runs the
# `py` ones; the page rules read them).
EXAMPLES = sorted(find_examples(DOCS), key=lambda ex: (str(ex.path), ex.start_line))


def group_of(example: CodeExample) -> str | None:
    """The fence's `group`: blocks of a page that run as one session."""
    return example.prefix_settings().get('group')


def earlier_in_group(example: CodeExample) -> list[CodeExample]:
    """The blocks of the same page and group above `example`, in order."""
    group = group_of(example)
    if group is None:
        return []
    return [ex for ex in EXAMPLES if ex.path == example.path and group_of(ex) == group and ex.start_line < example.start_line]
