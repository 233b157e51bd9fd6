"""Make mkdocs-jupyter and mkdocs-static-i18n work together.

mkdocs-jupyter turns each notebook into a page by wrapping its File in
on_files. mkdocs-static-i18n's on_files runs last (priority -100) and rebuilds
every File for the language being built, which drops that wrapper: the
notebook is then copied as a static file, and its "page" is the raw JSON
(`mkdocs build --strict` does not notice). This hook runs after both and
turns the notebooks of the current language, and their alternates in the
other languages (the language switch links to those), into pages at
`<name>/`. mkdocs-jupyter still renders them (its on_pre_page recognises
notebooks by path). The raw notebook is also copied next to its page, for
the page's download link.
"""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files


class NotebookPage(File):
    """A notebook File that MkDocs builds as a documentation page."""

    def is_documentation_page(self) -> bool:
        return True


def _as_page(file: File, config) -> None:
    if isinstance(file, NotebookPage):
        return
    dest = PurePosixPath(file.dest_uri)
    # static-i18n copied the File's destination: the notebook's own path, or
    # the page path mkdocs-jupyter had already given it (name/index.html).
    page_dir = dest.with_suffix('') if dest.suffix == '.ipynb' else dest.parent
    file.__class__ = NotebookPage
    file.notebook_dest_uri = page_dir.with_suffix('.ipynb').as_posix()  # beside the page's folder
    file.dest_uri = (page_dir / 'index.html').as_posix()
    file.url = file._get_url(config.use_directory_urls)
    file.abs_dest_path = str(Path(config.site_dir) / file.dest_uri)


@event_priority(-200)  # after static-i18n's on_files (-100)
def on_files(files: Files, config) -> Files:
    assert config.use_directory_urls, 'notebook pages are laid out as <name>/index.html'
    for file in files:
        if file.src_uri.endswith('.ipynb'):
            _as_page(file, config)
            for alternate in getattr(file, 'alternates', {}).values():
                if alternate.src_uri.endswith('.ipynb'):
                    _as_page(alternate, config)
    return files


def on_post_page(output, page, config):
    """Copy each raw notebook next to its page, for the download link."""
    if isinstance(page.file, NotebookPage):
        target = Path(config.site_dir) / page.file.notebook_dest_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page.file.abs_src_path, target)
    return output


# --- What mkdocs-jupyter puts in a page, trimmed to what these notebooks need ---
#
# mkdocs-jupyter inlines JupyterLab's whole stylesheet (about 570 kB) into
# every notebook page, and scripts that load MathJax and Mermaid from CDNs.
# None of that is needed for notebooks of code, text and plain-text outputs,
# and the site must load nothing from other hosts. The cells are rewritten
# into Material's own code-block markup instead, so they look, highlight and
# copy like the code on every other page (docs/assets/extra.css hides the
# In/Out prompts).

LINKS = {
    'en': ('Run in Colab', 'Download notebook'),
    'zh': ('在 Colab 中运行', '下载 notebook'),
}


def on_page_content(html, page, config, files):
    if not isinstance(page.file, NotebookPage):
        return html
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
    for anchor in soup.select('a.anchor-link'):  # Material shows its own kind on hover only
        anchor['class'] = ['headerlink']
    title = soup.find('h1')
    if title is not None:
        title.insert_after(BeautifulSoup(_links(page, config), 'html.parser'))
    return str(soup)


def _links(page, config) -> str:
    lang, *_, name = PurePosixPath(page.file.src_uri).parts
    run, download = LINKS.get(lang, LINKS['en'])
    repository = config.extra['repository'].rstrip('/').removeprefix('https://github.com/')
    colab = f'https://colab.research.google.com/github/{repository}/blob/main/examples/{lang}/{name}'
    return (
        '<p class="notebook-links">'
        f'<a class="md-button md-button--primary" href="{colab}">{run}</a> '
        f'<a class="md-button" href="../{name}" download>{download}</a>'
        '</p>'
    )


@event_priority(-200)  # after static-i18n's on_page_context, which sets the switch's links
def on_page_context(context, page, config, nav):
    """Point the language switch of a notebook page at the notebook's twin.

    static-i18n knows notebooks only as static files, so for them it links
    each language's home page instead.
    """
    if not isinstance(page.file, NotebookPage):
        return context
    i18n = config.plugins['i18n']
    lang = PurePosixPath(page.file.src_uri).parts[0]
    path = page.url if lang == i18n.default_language else page.url.removeprefix(f'{lang}/')
    # static-i18n sets the attribute (which the theme's template reads), not the item.
    for alternate in getattr(config.extra, 'alternate', None) or config.extra.get('alternate', []):
        prefix = '' if alternate['lang'] == i18n.default_language else f"{alternate['lang']}/"
        alternate["link"] = prefix + path
    return context


@event_priority(-200)  # after mkdocs-jupyter's on_pre_build, which empties the set below
def on_pre_build(config) -> None:
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
