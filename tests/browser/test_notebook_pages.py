"""The notebook pages' copy button, in a real browser, once per language
(every notebook page's own checks: tests/browser/notebook_pages.py, run in
its one visit by test_pages.py)."""

from __future__ import annotations

import json

import pytest

from browser import Tab
from browser.notebook_pages import COPY_BUTTON, INPUTS
from built_site import Served
from pages import LANGUAGES, ROOT, notebook_pages, notebook_source


@pytest.mark.parametrize('lang', LANGUAGES)
def test_a_code_cells_copy_button_copies_its_code(reader: Tab, served: Served, lang: str) -> None:
    page = notebook_pages(lang)[0]
    notebook = json.loads((ROOT / notebook_source(lang, page)).read_text('utf-8'))
    first_code = ''.join(next(cell['source'] for cell in notebook['cells'] if cell['cell_type'] == 'code'))
    reader.context.grant_permissions(['clipboard-read', 'clipboard-write'], origin=served.base)
    reader.open(served.path(lang, page))
    reader.page.evaluate('() => navigator.clipboard.writeText("nothing copied yet")')
    reader.page.locator(f'{INPUTS} {COPY_BUTTON}').first.click()
    copied = reader.page.evaluate('() => navigator.clipboard.readText()')
    assert copied.rstrip('\n') == first_code.rstrip('\n'), (
        f"{notebook_source(lang, page)}: the first code cell's copy button copied {copied!r}, not the cell's code"
    )
