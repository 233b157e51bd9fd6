"""One search index per language, each loaded only by that language's pages.

mkdocs-static-i18n writes the documents of every language into one
search/search_index.json, and every page of the site loads it: readers got
results in both languages, and each first visit downloaded both (the Chinese
half, with its characters escaped as \\uXXXX, is the larger).

After static-i18n has written that index, this hook splits it: the default
language keeps search/search_index.json, each other language gets
<lang>/search/search_index.json with locations relative to <lang>/, written
as UTF-8. Material fetches the index from its config's `base`, so the pages
of each other language get `base` pointing at their language's root (base is
used for nothing else on this site: no versioning, no instant navigation).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


def _other_languages(config: MkDocsConfig) -> list[str]:
    """The built languages other than the default one, which lives at the root."""
    return [lang.locale for lang in config.plugins['i18n'].config.languages if lang.build and not lang.default]


def _language_of(location: str, config: MkDocsConfig) -> str | None:
    """The non-default language a site location belongs to, or None."""
    return next((lang for lang in _other_languages(config) if location.startswith(f'{lang}/')), None)


@event_priority(-300)  # after static-i18n's on_post_build (-100), which writes the merged index
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins['i18n']
    if i18n.building:  # one of static-i18n's inner, per-language builds: the index is not merged yet
        return
    site = Path(config.site_dir)
    merged = site / 'search' / 'search_index.json'
    index = json.loads(merged.read_text('utf-8'))
    for lang in [None, *_other_languages(config)]:
        docs = [doc for doc in index['docs'] if _language_of(doc['location'], config) == lang]
        if lang is not None:
            docs = [{**doc, 'location': doc['location'][len(lang) + 1 :]} for doc in docs]
        target = merged if lang is None else site / lang / 'search' / 'search_index.json'
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({**index, 'docs': docs}, ensure_ascii=False, separators=(',', ':')), 'utf-8')


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Point the pages of a non-default language at their language's index."""
    lang = _language_of(page.url, config)
    if lang is None:
        return output

    def rebase(m: re.Match) -> str:
        app = json.loads(m[2])
        # With the trailing slash, or URL resolution would drop the language folder.
        app['base'] = f'{app["base"].rstrip("/")}/{lang}/' if app['base'] not in ('', '.') else f'{lang}/'
        return m[1] + json.dumps(app) + m[3]

    return _CONFIG.sub(rebase, output, count=1)
