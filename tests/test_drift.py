"""The drift watch (scripts/tensorflow_drift.py) counts name changes, not the
new version number that `print(tf.__version__)` shows on every release."""

from __future__ import annotations

import sys

from pages import ROOT

sys.path.insert(0, str(ROOT / 'scripts'))
from tensorflow_drift import prints_only_the_version

VERSION_DIFF = '--- page\n+++ printed\n print(tf.__version__)\n-#> 2.21.0\n+#> 2.22.0'


def test_a_new_version_number_alone_is_not_drift() -> None:
    assert prints_only_the_version(VERSION_DIFF, '2.21.0', '2.22.0')


def test_a_changed_name_beside_the_version_is_drift() -> None:
    assert not prints_only_the_version(VERSION_DIFF + '\n-#> conv1_1/w:0\n+#> conv1/w:0', '2.21.0', '2.22.0')
    assert not prints_only_the_version('--- page\n+++ printed\n-#> conv1_1/w:0\n+#> conv1/w:0', '2.21.0', '2.22.0')
