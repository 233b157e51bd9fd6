"""The guards are tested too: each test plants one defect in a temporary copy
of the project, runs the check that must catch it, and asserts that the check
fails with a message naming the file and line.

Each runs pytest on the copy inside this process (pytest's `pytester`), so
TensorFlow, imported once by test_docs.py, is not imported again for every
planted defect; `-m "not guards"` leaves them out while writing a page.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from pages import ROOT

# In the process that runs the examples (tests/test_docs.py, which imports
# TensorFlow once for them): the guards' runs find it imported already.
pytestmark = [pytest.mark.guards, pytest.mark.xdist_group('examples')]


def plant(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in `path` by `new`; return the 1-based line of the change."""
    text = path.read_text('utf-8')
    assert old in text, f'cannot plant the defect: {old!r} is not in {path}'
    index = text.index(old)
    path.write_text(text[:index] + new + text[index + len(old) :], 'utf-8')
    return text.count('\n', 0, index) + 1


def line_of(path: Path, needle: str) -> int:
    return next(n for n, text in enumerate(path.read_text('utf-8').splitlines(), 1) if needle in text)


@dataclass
class Ran:
    returncode: int
    stdout: str


@pytest.fixture
def pytest_in(project: Path, pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch):
    """Runs pytest on the copy (without the guards), in this process: what it printed and its exit code."""
    # The copy's tests import their helpers (pages.py, ...) by name; this run
    # has imported the project's own under the same names. Hide those while
    # the copy runs (pytester puts sys.modules and sys.path back after).
    here = ROOT / 'tests'
    for name, module in list(sys.modules.items()):
        if here in Path(getattr(module, '__file__', None) or '/').parents:
            monkeypatch.delitem(sys.modules, name)

    def run(*args: str) -> Ran:
        result = pytester.runpytest_inprocess('-q', '-p', 'no:randomly', '-m', 'not guards', *args)
        return Ran(int(result.ret), result.stdout.str() + result.stderr.str())

    return run


@pytest.fixture
def check(pytest_in):
    """Runs pytest on the copy; it must fail. Returns what it printed."""

    def run(*args: str) -> str:
        result = pytest_in(*args)
        assert result.returncode == 1, f'the check did not fail (exit {result.returncode}):\n{result.stdout[-3000:]}'
        return result.stdout

    return run


@pytest.mark.parametrize('lang', ['en', 'zh'])
def test_a_wrong_output_names_page_and_line(project: Path, lang: str, check) -> None:
    page = project / 'docs' / lang / 'lessons' / 'variable-scope.md'
    line = plant(page, '#> v_scope_1/bias:0', '#> v_scope/bias:0')
    output = check('tests/test_docs.py', '-k', f'{lang}/lessons/variable-scope.md')
    assert f'docs/{lang}/lessons/variable-scope.md:{line}: what TensorFlow printed differs' in output
    assert '-#> v_scope/bias:0' in output and '+#> v_scope_1/bias:0' in output  # the diff


def test_a_raising_block_names_page_and_line(project: Path, check) -> None:
    page = project / 'docs' / 'en' / 'lessons' / 'name-scope.md'
    line = plant(page, "bias1 = tf.Variable([0.3], name='bias')", "bias1 = tf.Variable([0.3], name='bias') + undefined")
    output = check('tests/test_docs.py', '-k', 'en/lessons/name-scope.md')
    assert f"docs/en/lessons/name-scope.md:{line}: the block raised NameError: name 'undefined' is not defined" in output


def test_a_hanging_block_names_page_and_line(project: Path, check) -> None:
    page = project / 'docs' / 'en' / 'index.md'
    plant(page, '```py\nimport tensorflow as tf\n\nprint(tf.__version__)', '```{.py timeout="2"}\nimport time\n\ntime.sleep(600)')
    line = line_of(page, 'time.sleep(600)')
    output = check('tests/test_docs.py', '-k', 'en/index.md')
    assert f'docs/en/index.md:{line}: the block did not finish in 2 s' in output


# The already-exists example of the error catalogue, with the second scope
# made to reuse: TensorFlow no longer raises, and the except branch never runs.
NO_LONGER_RAISES = (
    "    try:\n        with tf.variable_scope('dense'):\n            tf.get_variable('w', shape=[2])",
    "    try:\n        with tf.variable_scope('dense', reuse=True):\n            tf.get_variable('w', shape=[2])",
)


def test_an_error_example_that_no_longer_raises_names_page_and_line(project: Path, check) -> None:
    """Planted in both languages, caught in both, in one run."""
    print_lines = {}
    for lang in ('en', 'zh'):
        page = project / 'docs' / lang / 'errors.md'
        plant(page, *NO_LONGER_RAISES)
        print_lines[lang] = line_of(page, "print(f'ValueError: {error}')")
    output = check('tests/test_docs.py', '-k', 'errors.md')
    for lang, print_line in print_lines.items():
        assert f'docs/{lang}/errors.md:{print_line + 1}: the page shows an output that no print wrote: the print on line {print_line} did not run' in output, (
            output[-3000:]
        )
    assert '-        ValueError: Variable dense/w already exists, disallowed.' in output  # the diff


def test_a_print_in_an_if_no_longer_taken_names_page_and_line(project: Path, check) -> None:
    page = project / 'docs' / 'en' / 'index.md'
    plant(
        page,
        'print(tf.__version__)\n#> 2.21.0\n',
        "if tf.__version__.startswith('1.'):\n    print('TensorFlow 1')\n    #> TensorFlow 1\nprint(tf.__version__)\n#> 2.21.0\n",
    )
    print_line = line_of(page, "print('TensorFlow 1')")
    output = check('tests/test_docs.py', '-k', 'en/index.md')
    assert f'docs/en/index.md:{print_line + 1}: the page shows an output that no print wrote: the print on line {print_line} did not run' in output


def test_an_output_under_no_print_names_page_and_line(project: Path, check) -> None:
    page = project / 'docs' / 'en' / 'index.md'
    plant(page, 'import tensorflow as tf\n\nprint(tf.__version__)', 'import tensorflow as tf\n#> TensorFlow\n\nprint(tf.__version__)')
    line = line_of(page, '#> TensorFlow')
    output = check('tests/test_docs.py', '-k', 'en/index.md')
    assert f'docs/en/index.md:{line}: the page shows an output that no print wrote: it stands under no print' in output


def test_update_rewrites_a_wrong_output_to_what_tensorflow_prints(project: Path, pytest_in) -> None:
    """The round trip of `make update`: a planted wrong output is rewritten
    to the right one, in place, and the page then passes."""
    page = project / 'docs' / 'zh' / 'lessons' / 'variable-scope.md'
    right = page.read_text('utf-8')
    plant(page, '#> v_scope_1/bias:0', '#> v_scope/bias:0')
    result = pytest_in('tests/test_docs.py', '-k', 'zh/lessons/variable-scope.md', '--update-examples')
    assert result.returncode == 0, result.stdout[-3000:]
    assert page.read_text('utf-8') == right, 'make update did not give back the page as TensorFlow prints it'
    assert pytest_in('tests/test_docs.py', '-k', 'zh/lessons/variable-scope.md').returncode == 0


def test_update_removes_an_output_that_no_print_wrote_and_says_so(project: Path, pytest_in) -> None:
    page = project / 'docs' / 'en' / 'errors.md'
    plant(page, *NO_LONGER_RAISES)
    print_line = line_of(page, "print(f'ValueError: {error}')")
    result = pytest_in('tests/test_docs.py', '-k', 'en/errors.md', '--update-examples')
    assert result.returncode == 0, result.stdout[-3000:]
    assert f'docs/en/errors.md:{print_line + 1}: removed an output that no print wrote: the print on line {print_line} did not run' in result.stdout, (
        result.stdout[-3000:]
    )
    text = page.read_text('utf-8')
    assert 'Variable dense/w already exists' not in text.split('## Variable ... does not exist')[0]
    assert pytest_in('tests/test_docs.py', '-k', 'en/errors.md').returncode == 0


def test_a_cheat_example_that_shows_no_output_names_it(project: Path, check) -> None:
    """What `make update` leaves when a cheat sheet example stops printing."""
    page = project / 'docs' / 'zh' / 'guide' / 'collections.md'
    plant(page, "#> ['conv1/kernel:0', 'conv1_1/kernel:0', 'conv10/kernel:0']\n", '')
    fence = fence_line_before(page, 'print([v.name for v in found])')
    output = check('tests/test_cheatsheet.py')
    assert f'docs/zh/guide/collections.md:{fence}: feeds the cheat sheet row "prefix-match" (TF1 graph), but shows no `#>` output' in output


def test_a_typed_error_message_in_the_index_names_page_and_line(project: Path, check) -> None:
    page = project / 'docs' / 'zh' / 'errors.md'
    line = plant(page, '`Key model/encoder/b not found in checkpoint`', '`Key model/encoder/w not found in checkpoint`')
    output = check('tests/test_error_index.py')
    assert f'docs/zh/errors.md:{line}: no example in saving/tf1-checkpoints.md#missing-name prints `Key model/encoder/w not found in checkpoint`' in output, (
        output[-2000:]
    )


def test_a_missing_translation_names_the_page(project: Path, check) -> None:
    (project / 'docs' / 'zh' / 'guide' / 'reuse.md').unlink()
    output = check('tests/test_translations.py')
    assert 'docs/zh/guide/reuse.md is missing' in output


def test_code_that_differs_between_languages_names_both_blocks(project: Path, check) -> None:
    en = project / 'docs' / 'en' / 'lessons' / 'variable-scope.md'
    zh = project / 'docs' / 'zh' / 'lessons' / 'variable-scope.md'
    plant(zh, "bias2 = tf.Variable([0.52], name='bias')", "bias2 = tf.Variable([0.25], name='bias')")
    output = check('tests/test_translations.py')
    en_fence = fence_line_before(en, "bias2 = tf.Variable([0.52], name='bias')")
    zh_fence = fence_line_before(zh, "bias2 = tf.Variable([0.25], name='bias')")
    assert f'docs/en/lessons/variable-scope.md:{en_fence} and docs/zh/lessons/variable-scope.md:{zh_fence} differ' in output
    assert "+        bias2 = tf.Variable([0.25], name='bias')" in output


def fence_line_before(path: Path, needle: str) -> int:
    lines = path.read_text('utf-8').splitlines()
    target = line_of(path, needle)
    return max(n for n, text in enumerate(lines[:target], 1) if text.lstrip().startswith('```'))


def test_a_missing_section_id_names_page_and_line(project: Path, check) -> None:
    page = project / 'docs' / 'zh' / 'lessons' / 'name-scope.md'
    line = plant(page, ' {#fresh-graph}', '')
    output = check('tests/test_translations.py')
    assert f'docs/zh/lessons/name-scope.md:{line}:' in output and 'needs an id' in output


def test_a_line_break_in_chinese_names_page_and_line(project: Path, check) -> None:
    page = project / 'docs' / 'zh' / 'lessons' / 'name-scope.md'
    line = plant(page, '让计算图保持清晰的办法', '让计算图保持清晰\n的办法')
    output = check('tests/test_translations.py')
    assert f'docs/zh/lessons/name-scope.md:{line}: the paragraph breaks after' in output


# Two broken links, planted together: one build (the slowest part of a site
# guard) names both.
BROKEN_LINKS = {
    '[broken](lessons/name-scope.md#no-such-section)': 'does not contain an anchor',
    '[broken](lessons/no-such-page.md)': 'is not found among documentation files',
}


def test_broken_links_name_page_and_line(project: Path, check) -> None:
    page = project / 'docs' / 'en' / 'index.md'
    page.write_text(page.read_text('utf-8') + ''.join(f'\nSee {link}.\n' for link in BROKEN_LINKS), 'utf-8')
    output = check('tests/test_site.py', '-k', 'each_language_has_its_root')
    for link, message in BROKEN_LINKS.items():
        line = line_of(page, link)
        assert re.search(rf'docs/en/index\.md:{line}: WARNING .*{re.escape(message)}', output), output[-2000:]


def test_a_third_party_load_and_a_notebook_published_as_raw_json_are_named(project: Path, check) -> None:
    """Two defects that the strict build lets through, planted together and
    named by one build: a script from another host in a page, and (without
    hooks/i18n_notebooks.py) static-i18n publishing notebooks as raw JSON."""
    page = project / 'docs' / 'zh' / 'index.md'
    page.write_text(page.read_text('utf-8') + '\n<script src="https://cdn.example.com/x.js"></script>\n', 'utf-8')
    line = line_of(page, 'cdn.example.com')
    plant(project / 'mkdocs.yml', 'hooks:\n  - hooks/i18n_notebooks.py\n', 'hooks:\n')
    output = check('tests/test_site.py', '-k', 'another_host or every_page_is_html')
    assert f'docs/zh/index.md:{line}: <script src="https://cdn.example.com/x.js">' in output, output[-2000:]
    assert 'docs/en/notebooks/01-seed-walkthrough.ipynb: notebooks/01-seed-walkthrough/index.html is not a themed HTML page' in output, output[-2000:]


def test_a_typed_cheat_sheet_cell_names_page_and_line(project: Path, check) -> None:
    page = project / 'docs' / 'en' / 'cheatsheet.md'
    line = plant(page, '`W:0 W:0`', '`W:0 W_1:0 (typed)`')
    output = check('tests/test_cheatsheet.py')
    assert f'docs/en/cheatsheet.md:{line}: the "TF2 eager" cell says `W:0 W_1:0 (typed)`' in output


def test_a_name_in_prose_that_no_example_prints_names_page_and_line(project: Path, check) -> None:
    page = project / 'docs' / 'en' / 'guide' / 'collections.md'
    page.write_text(page.read_text('utf-8') + '\nThe scope also returns `conv2/kernel:0`.\n', 'utf-8')
    line = line_of(page, '`conv2/kernel:0`')
    output = check('tests/test_page_rules.py', '-k', 'prose')
    assert f'docs/en/guide/collections.md:{line}: `conv2/kernel:0` is printed by no example on this page' in output


def test_all_failures_are_reported_in_one_run(project: Path, check) -> None:
    """Two defects in two languages: one run names both."""
    for lang in ('en', 'zh'):
        plant(project / 'docs' / lang / 'lessons' / 'variable-scope.md', '#> v_scope_1/bias:0', '#> v_scope/bias:0')
    output = check('tests/test_docs.py', '-k', 'lessons/variable-scope.md')
    assert 'docs/en/lessons/variable-scope.md:' in output and 'docs/zh/lessons/variable-scope.md:' in output
    assert '2 failed' in output


@pytest.mark.parametrize('page', ['zh/tf2/migration.md', 'en/lessons/name-scope.md'])
def test_one_page_passes_alone(page: str, pytest_in) -> None:
    """A writer checks the page being edited: its examples must pass without
    the rest of the suite (each block runs in its own fresh process, the
    earlier blocks of its group first)."""
    result = pytest_in('tests/test_docs.py', '-k', page)
    assert result.returncode == 0, result.stdout[-3000:]
    assert ' passed' in result.stdout and 'deselected' in result.stdout


def test_a_stale_notebook_names_notebook_and_cell(project: Path, check) -> None:
    notebook = project / 'examples' / 'zh' / '01-seed-walkthrough.ipynb'
    plant(notebook, '"conv1_1/weights:0\\n"', '"conv1_2/weights:0\\n"')
    output = check('tests/test_notebooks.py', '-k', 'fresh and zh/01-seed')
    assert "examples/zh/01-seed-walkthrough.ipynb: cell 6 ('with graph.as_default():') printed something else" in output
    assert '-conv1_2/weights:0' in output and '+conv1_1/weights:0' in output


# Two blocks appended to a page: each prints `dense` in a fresh Python, but
# the second, run after the first in one Python, prints `dense_1` (Keras
# counts the layer names of the whole process). The first asks for a fresh
# Python it does not need: nothing above it made a Keras layer.
ORDER_DEPENDENT = """
```{.py fresh="Planted: a note that is not needed."}
import keras

print(keras.layers.Dense(2).name)
#> dense
```

```py
import keras

print(keras.layers.Dense(2).name)
#> dense
```
"""


def test_a_block_that_prints_otherwise_in_page_order_and_a_stale_fresh_note_are_named(project: Path, check) -> None:
    page = project / 'docs' / 'en' / 'guide' / 'collections.md'
    page.write_text(page.read_text('utf-8') + ORDER_DEPENDENT, 'utf-8')
    fresh_line = line_of(page, 'Planted: a note')
    second_output = fresh_line + 11  # the `#> dense` of the second block
    output = check('tests/test_in_order.py', '-k', 'en/guide/collections.md')
    assert (
        f'docs/en/guide/collections.md:{fresh_line}: the fence asks the reader for a fresh Python, but it prints what the page shows after the blocks above it too'
        in output
    )
    assert (
        f'docs/en/guide/collections.md:{second_output}: run after the blocks above it in one Python, as a reader following the page in one notebook would, what TensorFlow printed differs'
        in output
    ), output[-3000:]
    assert '-#> dense' in output and '+#> dense_1' in output  # the diff


def test_an_unmarked_generalising_sentence_and_a_marker_whose_block_is_gone_are_named(project: Path, check) -> None:
    page = project / 'docs' / 'en' / 'guide' / 'collections.md'
    page.write_text(page.read_text('utf-8') + '\nA collection never forgets a variable.\n\nIt keeps them in order. <!-- shown by #no-such-block -->\n', 'utf-8')
    never, gone = line_of(page, 'never forgets'), line_of(page, '#no-such-block')
    output = check('tests/test_claims.py', '-k', 'en/guide/collections.md')
    assert f'docs/en/guide/collections.md:{never}: "never" in: A collection never forgets a variable.' in output
    assert (
        f'docs/en/guide/collections.md:{gone}: the marker names #no-such-block, but no code block of docs/en/guide/collections.md has the id #no-such-block'
        in output
    )
