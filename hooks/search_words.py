"""What the search index holds beyond Material's own, in each language.

Material's search (lunr, in the reader's browser) matches the words of each
section's title and text, cut by the `separator` in mkdocs.yml. Some words
readers type were in no index:

- the words inside API names: '_' is no separator, so that `get_variable`
  stays one word, and "collection" missed the page about tf.get_collection,
  "checkpoint" the title "init_from_checkpoint: ...". A section also holds
  the parts of its snake_case names after the first (the first is found
  already: every word matches as a prefix);
- other words for a term the pages use: TensorFlow zh-cn says 重用, and so do
  these pages, while much Chinese material says 复用.

They go in two more fields, `title_also` and `text_also` (mkdocs.yml gives
them the boosts of `title` and `text`): Material's worker indexes every field
of the config and shows only the title and the text.

Each section also gets a boost by the kind of page it is on, as DocSearch's
page ranks do. The lessons and the error catalogue are where a reader should
land; the home page, the cheat sheet, the glossary and the notebooks mention
in their first lines what other pages explain, and Material ranks a page's
first lines highest: for `conv1_1`, the first notebook and the home page came
before the lesson about it.

And jieba, which cuts the Chinese text into words for the index, learns the
site's terms that its dictionary cuts through (计算图里 was 计算/图里, 作用域名
was 作用/域名): search then finds 计算图 and 作用域 there, and highlights no
stray halves (图里, 域名).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jieba
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

# Other words readers search for, by language: {word on the pages: [other words]}.
SYNONYMS: dict[str, dict[str, list[str]]] = {
    'zh': {'重用': ['复用']},
}

# Boosts by the first folder of a page's location in its language ('' is the
# home page); other pages keep 1.
PAGE_BOOSTS: dict[str, float] = {
    'lessons': 1.5,
    'errors': 1.5,
    '': 0.5,
    'cheatsheet': 0.5,
    'glossary': 0.5,
    'notebooks': 0.5,
}

# Terms of these pages that jieba's dictionary cuts through, and a frequency
# that keeps them whole (作用 is 22078 in jieba's dictionary; with 20000,
# 作用域名 is cut 作用域/名).
JIEBA_WORDS = ['计算图', '作用域', '初始化器', '运算名', '变量存储', '子层']
JIEBA_FREQUENCY = 20_000
# Words of jieba's dictionary that swallow a term: 中文名称 hid 中文 (Chinese).
JIEBA_NOT_WORDS = ['中文名称']

_TAG = re.compile(r'<[^>]*>')


def on_config(config: MkDocsConfig) -> None:
    for word in JIEBA_WORDS:
        jieba.add_word(word, JIEBA_FREQUENCY)
    for word in JIEBA_NOT_WORDS:
        jieba.del_word(word)


def _words(html: str, separator: re.Pattern) -> list[str]:
    """The words of an index field, about as Material's worker cuts them."""
    return [word for word in separator.split(_TAG.sub(' ', html).replace('&amp;', '&')) if word]


def _also(html: str, separator: re.Pattern, synonyms: dict[str, list[str]]) -> str:
    """The words a field also answers to, but does not contain."""
    words = _words(html, separator)
    present = {word.lower() for word in words}
    also: dict[str, None] = {}  # ordered, without repeats
    for word in words:
        for part in word.lower().split('_')[1:]:
            if re.search('[a-z]', part) and len(part) > 1:
                also[part] = None
        for synonym in synonyms.get(word, []):
            also[synonym] = None
    return ' '.join(word for word in also if word not in present)


@event_priority(-400)  # after hooks/search_per_language.py (-300) has written each language's index
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins['i18n']
    if i18n.building:  # one of static-i18n's inner, per-language builds
        return
    search = next(plugin for name, plugin in config.plugins.items() if name in ('search', 'material/search'))
    separator = re.compile(search.config.separator)
    default = next(lang.locale for lang in i18n.config.languages if lang.default)
    site = Path(config.site_dir)
    for path in site.glob('**/search/search_index.json'):
        folder = path.parent.parent.relative_to(site).as_posix()
        synonyms = SYNONYMS.get(default if folder == '.' else folder, {})
        index = json.loads(path.read_text('utf-8'))
        for doc in index['docs']:
            for field in ('title', 'text'):
                also = _also(doc[field], separator, synonyms)
                if also:
                    doc[f'{field}_also'] = also
            boost = PAGE_BOOSTS.get(doc['location'].split('/')[0].split('#')[0], 1.0) * doc.get('boost', 1.0)
            if boost != 1:
                doc['boost'] = boost  # times the page's own `search: boost:`, if any
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(',', ':')), 'utf-8')
