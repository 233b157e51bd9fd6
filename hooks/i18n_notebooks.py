"""Make mkdocs-jupyter and mkdocs-static-i18n work together.

mkdocs-jupyter turns each notebook into a page by wrapping its File in
on_files. mkdocs-static-i18n's on_files runs last (priority -100) and rebuilds
every File for the language being built, which drops that wrapper: the
notebook is then copied as a static file, and its "page" is the raw JSON
(`mkdocs build --strict` does not notice). This hook runs after both and
turns the notebooks of the current language into pages at `<name>/`, each
with its twins in the other languages, which the language switch and
sitemap.xml read. mkdocs-jupyter still renders them (its on_pre_page
recognises notebooks by path), and copies each raw notebook into its page's
folder, for the page's download link (`include_source` in mkdocs.yml).

A workaround for https://github.com/ultrabug/mkdocs-static-i18n/issues/198
(open): delete this hook, and its entry under `hooks:` in mkdocs.yml, once
static-i18n keeps mkdocs-jupyter's pages (tests/test_site.py's
test_every_page_is_html says whether it does).
"""

from __future__ import annotations

import hashlib
import json
from html import escape
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import markdown
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs_static_i18n.folder import create_i18n_file

if TYPE_CHECKING:
    from bs4 import BeautifulSoup


class NotebookPage(File):
    """A notebook File that MkDocs builds as a documentation page."""

    def is_documentation_page(self) -> bool:
        return True


def _as_page(file: File, config: MkDocsConfig) -> None:
    if isinstance(file, NotebookPage):
        return
    dest = PurePosixPath(file.dest_uri)
    # static-i18n copied the File's destination: the notebook's own path, or
    # the page path mkdocs-jupyter had already given it (name/index.html).
    page_dir = dest.with_suffix('') if dest.suffix == '.ipynb' else dest.parent
    file.__class__ = NotebookPage
    file.dest_uri = (page_dir / 'index.html').as_posix()
    file.url = file._get_url(config.use_directory_urls)
    file.abs_dest_path = str(Path(config.site_dir) / file.dest_uri)


def _twin(file: File, lang: str, config: MkDocsConfig) -> File:
    """The notebook page of another language that `file` translates, made the
    way static-i18n makes the twins of Markdown pages."""
    i18n = config.plugins['i18n']
    source = File(f'{lang}/{file.norm_src_uri}', config.docs_dir, config.site_dir, config.use_directory_urls)
    twin = create_i18n_file(source, lang, i18n.default_language, i18n.all_languages, config)
    _as_page(twin, config)
    return twin


@event_priority(-200)  # after static-i18n's on_files (-100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert config.use_directory_urls, 'notebook pages are laid out as <name>/index.html'
    i18n = config.plugins['i18n']
    for file in files:
        if file.src_uri.endswith('.ipynb'):
            _as_page(file, config)
            # static-i18n gives a static file no twins; the language switch
            # and sitemap.xml read a page's twins from here.
            file.alternates = {
                lang: file if lang == file.locale else _twin(file, lang, config)
                for lang in i18n.build_languages
                if (Path(config.docs_dir) / lang / file.norm_src_uri).is_file()
            }
    # static-i18n's sitemap.xml lists the pages it noted in its own on_files,
    # when the notebooks were static files: note them again, as pages.
    i18n.i18n_files_per_language[i18n.current_language] = files.documentation_pages()
    return files


# --- What mkdocs-jupyter puts in a page, trimmed to what these notebooks need ---
#
# mkdocs-jupyter inlines JupyterLab's whole stylesheet (about 570 kB) into
# every notebook page, and scripts that load MathJax and Mermaid from CDNs.
# None of that is needed for notebooks of code, text and plain-text outputs,
# and the site must load nothing from other hosts. The cells are rewritten
# into Material's own code-block markup instead, so they look, highlight and
# copy like the code on every other page; outputs are marked as such
# (overrides/assets/stylesheets/overrides.css, "Notebook pages", hides the
# In/Out prompts and styles the outputs).

# The page's links and its note are worded in mkdocs.yml, per language
# (extra.words.notebook_*).
WORDS = ('notebook_colab', 'notebook_github', 'notebook_download', 'notebook_version')
# The headings of the notebook's own Markdown cells (not of rich outputs).
HEADINGS = ', '.join(f'.jp-MarkdownCell h{level}' for level in range(1, 7))


# The trimmed pages, by a hash of all they are made from: trimming a notebook
# page takes a fifth of a second, and a rebuild under `make serve` trims all
# eight again though none changed. Like mkdocs-jupyter's own cache beside it,
# `.cache/` (git-ignored) can be deleted at any time.
CACHE = Path('.cache', 'notebook-pages')
HOOK_SOURCE = Path(__file__).read_bytes()


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not isinstance(page.file, NotebookPage):
        return html
    links = _links(page, config)
    twin = _twin_source(page, config)
    key = hashlib.sha256(b'\0'.join([HOOK_SOURCE, html.encode(), links.encode(), twin.read_bytes()])).hexdigest()
    cached = Path(config.config_file_path).parent / CACHE / f'{key}.json'
    if cached.is_file():
        trimmed = json.loads(cached.read_text('utf-8'))
    else:
        trimmed = _trimmed(html, page, links, twin)
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps(trimmed), 'utf-8')
    page.toc = get_toc(nest_toc_tokens(trimmed['toc']))
    return trimmed['html']


def _twin_source(page: Page, config: MkDocsConfig) -> Path:
    """The notebook of the default language that `page` is (or translates)."""
    i18n = config.plugins['i18n']
    return Path(config.docs_dir) / i18n.default_language / page.file.norm_src_uri


def _trimmed(html: str, page: Page, links: str, twin: Path) -> dict:
    """The page's HTML as Material draws it, and its table of contents' tokens."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(html, 'html.parser')
    for tag in soup.find_all(['style', 'script']):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.select('.zeroclipboard-container, .clipboard-copy-txt'):
        tag.decompose()
    for block in soup.select('div[class*="highlight-ipynb"]'):
        pre = block.find('pre')
        code = soup.new_tag('code')
        code.extend(list(pre.contents))
        pre.append(code)
        block['class'] = ['highlight']
    for pre in soup.select('.jp-RenderedText > pre'):
        code = soup.new_tag('code')
        code.extend(list(pre.contents))
        pre.append(code)
        pre.parent['class'] = pre.parent.get('class', []) + ['highlight']
    for pre in soup.select('.jp-OutputArea-output > pre'):
        # An output is no code to run: Material gives it no copy button.
        pre.parent['class'] = pre.parent.get('class', []) + ['no-copy']
    for cell in soup.select('[id^="cell-id="]'):
        # nbconvert's `cell-id=cell-2` is no CSS selector, and Material's copy
        # button finds its code through the id of the block's cell
        # (`#__code_cell-id=cell-2 > code`): the button copied nothing.
        cell['id'] = cell['id'].removeprefix('cell-id=')
    for anchor in soup.select('a.anchor-link'):  # Material shows its own kind on hover only
        anchor['class'] = ['headerlink']
    toc = _heading_ids(soup, page, twin)
    title = soup.find('h1')
    if title is not None:
        title.insert_after(BeautifulSoup(links, 'html.parser'))
    return {'html': str(soup), 'toc': toc}


def _heading_ids(soup: BeautifulSoup, page: Page, twin: Path) -> list[dict]:
    """Give the headings the ids of the default language's twin, and return
    the tokens of the table of contents that links to them.

    nbconvert makes a heading's id from its words: a Chinese heading gets an
    empty one, or one that repeats, while mkdocs-jupyter's table of contents
    numbers those (`_1`, `tensorflow-2_1`), so its links lead nowhere. Every
    language takes instead the ids the Markdown pages' rule (toc's slugify,
    made unique) gives the default language's notebook, heading by heading,
    as a translated Markdown page keeps its twin's `{#id}`s: a section has
    the same address in each language.
    """
    ids = _source_heading_ids(twin)
    headings = soup.select(HEADINGS)
    levels = [int(heading.name[1]) for heading in headings]
    if levels != [level for level, _ in ids]:
        raise PluginError(
            f'{page.file.abs_src_path}: its headings (levels {levels}) do not match those of '
            f'{twin} (levels {[level for level, _ in ids]}) one for one; a translated notebook '
            'has the same headings as its twin, which give it their ids'
        )
    tokens = []
    for heading, (level, id_) in zip(headings, ids):
        heading['id'] = id_
        for anchor in heading.select('a.headerlink'):
            anchor['href'] = f'#{id_}'
        title = ''.join(text for text in heading.find_all(string=True) if text.find_parent('a', class_='headerlink') is None)
        tokens.append({'level': level, 'id': id_, 'name': escape(title.strip())})
    return tokens


def _source_heading_ids(notebook: Path) -> list[tuple[int, str]]:
    """The level and id of each heading of a notebook's Markdown cells, in
    order, as Python-Markdown's toc makes them for the Markdown pages."""
    cells = json.loads(notebook.read_text('utf-8'))['cells']
    source = '\n\n'.join(''.join(cell['source']) for cell in cells if cell['cell_type'] == 'markdown')
    md = markdown.Markdown(extensions=['toc'])
    md.convert(source)

    def flat(tokens: list[dict]) -> list[tuple[int, str]]:
        return [pair for token in tokens for pair in [(token['level'], token['id']), *flat(token['children'])]]

    return flat(md.toc_tokens)


def _links(page: Page, config: MkDocsConfig) -> str:
    """The page's links to Colab, GitHub and the download, and which
    TensorFlow printed its outputs: overrides/partials/notebook-links.html."""
    lang, *_, name = PurePosixPath(page.file.src_uri).parts
    words = config.extra['words']
    missing = [key for key in WORDS if key not in words]
    if missing:
        raise PluginError(f'mkdocs.yml: extra.words of "{lang}" has no {", ".join(missing)}, for the links of {page.file.src_uri}')
    repository = config.extra['repository'].rstrip('/')
    source = f'{repository}/blob/main/examples/{lang}/{name}'
    return (
        config.theme.get_env()
        .get_template('partials/notebook-links.html')
        .render(
            words=words,
            colab=f'https://colab.research.google.com/github/{source.removeprefix("https://github.com/")}',
            github=source,
            download=name,  # in the page's own folder (include_source)
            tensorflow_version=config.extra['tensorflow_version'],
        )
    )


@event_priority(-200)  # after mkdocs-jupyter's on_pre_build, which empties the set below
def on_pre_build(config: MkDocsConfig) -> None:
    """Keep mkdocs-jupyter's cache of converted notebooks across languages.

    mkdocs-jupyter evicts, after each build, the cached conversions that
    build did not use. static-i18n builds each language in turn, so each
    build evicted the other language's notebooks and every build converted
    all notebooks again (3 s of a 5 s build, and of every rebuild under
    `make serve`). Marking every cached file as used stops the eviction; the
    cache keys are content hashes, so a changed notebook is still converted
    again, and `.cache/` (git-ignored) can be deleted at any time.
    """
    jupyter = config.plugins['mkdocs-jupyter']
    cache_dir = Path(jupyter.config['cache_dir'])
    if jupyter.config['cache'] and cache_dir.is_dir():
        jupyter._used_cache_paths.update(cache_dir.glob('*.json'))
