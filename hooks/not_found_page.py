"""One 404 page, in the default language, leading home in every language.

A static host (GitHub Pages, `mkdocs serve`) answers every missing address
with the 404.html at the site's root. mkdocs-static-i18n builds each language
into the same folder, so the last language built overwrote it: English
readers got a Chinese page, whose language switch led to whichever page had
been rendered last. Here only the default language writes it, its switch
leads to each language's home, and overrides/404.html says "not found" in
every language, with a link home in each.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.templates import TemplateContext


def on_template_context(context: TemplateContext, template_name: str, config: MkDocsConfig) -> TemplateContext:
    if template_name == '404.html':
        default = config.plugins['i18n'].default_language
        root = urlsplit(config.site_url or '/').path  # the page is shown at any depth
        # static-i18n sets the attribute (which the theme's template reads), not the item.
        for alternate in getattr(config.extra, 'alternate', None) or config.extra.get('alternate', []):
            alternate['link'] = root if alternate['lang'] == default else f'{root}{alternate["lang"]}/'
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == '404.html' and not config.plugins['i18n'].is_default_language_build:
        return ''  # MkDocs writes no file for an empty template
    return output
