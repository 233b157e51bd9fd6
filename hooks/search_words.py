"""What the search index holds beyond Material's own, in each language.

Material's search (lunr, in the reader's browser) matches the words of each
section's title and text, cut by the `separator` in mkdocs.yml. Some words
readers type were in no index:

- the words inside API names: '_' is no separator, so that `get_variable`
  stays one word, and "collection" missed the page about tf.get_collection,
  "checkpoint" the title "init_from_checkpoint: ...". A section also holds
  the parts of its snake_case names after the first (the first is found
  already: every word matches as a prefix);
- other words for a term the pages use (SYNONYMS below): those the index's
  config lists, and the browser looks them up.

The first go in two more fields, `title_also` and `text_also` (mkdocs.yml gives
them the boosts of `title` and `text`): Material's worker indexes every field
of the config and shows only the title and the text.

A section also answers to its page's title, which the reader sees above it
in the results: "moving_mean" under "Batch normalization's variables".

Each section also gets a boost by the kind of page it is on, as DocSearch's
page ranks do. The lessons and the error catalogue are where a reader should
land; the home page, the cheat sheet, the glossary and the notebooks mention
in their first lines what other pages explain, and Material ranks a page's
first lines highest: for `conv1_1`, the first notebook and the home page came
before the lesson about it.

And the parts of the Chinese compounds jieba keeps whole: the index holds
变量名 as one word, and a reader searching 变量 found no page that only said
变量名. A compound's parts are the words of the index it is made of, cut
from the left, longest first (变量名: 变量; 作用域名: 作用域; 加前缀: 前缀),
never cutting through a word jieba was told to keep whole (作用域 has no
part 作用). A section also holds the parts of its compounds, in a field of
their own (`parts`) that counts less than its text, so that a page that says
变量 itself comes before one that only says 变量名; and the index's
config lists them (`parts`) for assets/javascripts/search.js, which looks a
reader's compound up by its parts as well: 加前缀 finds a page that says 前缀.

The words jieba must not cut through (计算图里 was 计算/图里, 作用域名 was
作用/域名) are in search_words_zh.txt, jieba's user dictionary, which
Material's search plugin loads (mkdocs.yml: `jieba_dict_user`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

# Words readers search for that the pages do not use, by language: {the
# reader's word: [the pages' words]}. TensorFlow zh-cn and these pages say
# 重用 where much other Chinese material says 复用; for eager execution, zh-cn
# says 即刻执行, others 即时执行 or 动态图, and these pages write Eager.
# assets/javascripts/search.js looks the reader's word up as the pages' too.
SYNONYMS: dict[str, dict[str, list[str]]] = {
    'zh': {'复用': ['重用'], '即刻执行': ['eager'], '即时执行': ['eager'], '动态图': ['eager']},
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

# The error catalogue's location in each language: a pasted error message
# lands there (assets/javascripts/search.js).
CATALOGUE = 'errors/'

_HAN = re.compile('[\u3400-\u9fff]+')
_TAG = re.compile(r'<[^>]*>')


def _words(html: str, separator: re.Pattern) -> list[str]:
    """The words of an index field, about as Material's worker cuts them."""
    return [word for word in separator.split(_TAG.sub(' ', html).replace('&amp;', '&')) if word]


def _also(html: str, separator: re.Pattern) -> str:
    """The words a field also answers to, but does not contain."""
    words = _words(html, separator)
    present = {word.lower() for word in words}
    also: dict[str, None] = {}  # ordered, without repeats
    for word in words:
        for part in word.lower().split('_')[1:]:
            if re.search('[a-z]', part) and len(part) > 1:
                also[part] = None
    return ' '.join(word for word in also if word not in present)


def _chinese_words(doc: dict, separator: re.Pattern) -> set[str]:
    """The Chinese words of a section's title and text, as jieba cut them."""
    return {run for field in ('title', 'text') for word in _words(doc[field], separator) for run in _HAN.findall(word)}


def _compound_parts(vocabulary: set[str], whole: set[str]) -> dict[str, list[str]]:
    """The Chinese words of an index that are made of other words of it: each
    with those words (of two characters or more), cut from the left, longest
    first; the words in `whole` are never cut."""
    longest = max(map(len, vocabulary), default=1)
    parts: dict[str, list[str]] = {}
    for word in sorted(vocabulary):
        if word in whole or len(word) < 3:
            continue
        cut, i = [], 0
        while i < len(word):
            n = min(longest, len(word) - i)
            while n > 1 and (word[i : i + n] == word or word[i : i + n] not in vocabulary):
                n -= 1
            cut.append(word[i : i + n])
            i += n
        if found := [part for part in cut if len(part) > 1]:
            parts[word] = found
    return parts


def _whole_words(search_config) -> set[str]:
    """The words jieba's user dictionary keeps whole (a frequency above 0)."""
    path = search_config.jieba_dict_user
    if not path:
        return set()
    lines = [line.split() for line in Path(path).read_text('utf-8').splitlines() if line.strip()]
    return {line[0] for line in lines if len(line) < 2 or int(line[1]) > 0}


@event_priority(-400)  # after hooks/search_per_language.py (-300) has written each language's index
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins['i18n']
    if i18n.building:  # one of static-i18n's inner, per-language builds
        return
    search = next(plugin for name, plugin in config.plugins.items() if name in ('search', 'material/search'))
    separator = re.compile(search.config.separator)
    default = next(lang.locale for lang in i18n.config.languages if lang.default)
    whole = _whole_words(search.config)
    site = Path(config.site_dir)
    for path in site.glob('**/search/search_index.json'):
        folder = path.parent.parent.relative_to(site).as_posix()
        synonyms = SYNONYMS.get(default if folder == '.' else folder, {})
        index = json.loads(path.read_text('utf-8'))
        held = {doc['location']: _chinese_words(doc, separator) for doc in index['docs']}
        parts = _compound_parts(set().union(*held.values()), whole)
        # For assets/javascripts/search.js; Material's worker ignores what it does not know.
        if parts:
            index['config']['parts'] = parts
        if synonyms:
            index['config']['synonyms'] = synonyms
        index['config']['catalogue'] = CATALOGUE
        titles = {doc['location']: doc['title'] for doc in index['docs'] if '#' not in doc['location']}
        for doc in index['docs']:
            for field in ('title', 'text'):
                also = _also(doc[field], separator)
                if also:
                    doc[f'{field}_also'] = also
            own = held[doc['location']]
            compound_parts = dict.fromkeys(part for run in sorted(own) for part in parts.get(run, []) if part not in own)
            if compound_parts:
                doc['parts'] = ' '.join(compound_parts)
            page, _, section = doc['location'].partition('#')
            if section and page in titles:  # a section is read under its page's title
                doc['text_also'] = ' '.join(filter(None, [doc.get('text_also'), _TAG.sub(' ', titles[page])]))
            boost = PAGE_BOOSTS.get(doc['location'].split('/')[0].split('#')[0], 1.0) * doc.get('boost', 1.0)
            if boost != 1:
                doc['boost'] = boost  # times the page's own `search: boost:`, if any
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(',', ':')), 'utf-8')
