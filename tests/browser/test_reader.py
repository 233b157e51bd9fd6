"""What a reader does with the site, in a real browser: a missing address,
the phone layout and navigation drawer, the mode tabs that follow the
reader from page to page, the copy button, and screenshots for review.
(Each page on its own: test_pages.py; search: test_search.py.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import PHONE, SCREENSHOTS, Tab, axe_violations, js, tab_sets_with, wait_until_showing
from built_site import Served
from pages import DOCS, LANGUAGES, fences, language_root


@pytest.mark.parametrize('lang', LANGUAGES)
def test_a_missing_address_gets_a_page_that_leads_home(tab: Tab, served: Served, lang: str) -> None:
    """The host answers an address with no page, at any depth and in any
    language, with the site's one 404.html: it must load whole there, pass
    the accessibility scan, and its links and language switch must lead to
    each language's home."""
    missing = language_root(lang) + 'no/such/page/'
    tab.open(missing)
    problems = list(tab.problems)
    # The page's own status, which Chromium also logs to the console; any
    # other failed load is still a problem.
    for own in (f'HTTP 404: {served.base}{missing}', 'console error: Failed to load resource: the server responded with a status of 404 (Not Found)'):
        if own in problems:
            problems.remove(own)
    if tab.page.locator('h1').count() != 1:
        problems.append('not one <h1>')
    problems += [f'accessibility: {line}' for line in axe_violations(tab.page)]
    problems += tab.policy_problems()
    for other in LANGUAGES:
        home = language_root(other)
        for part, selector in (('its text', f'article a[href="{home}"]'), ('its language switch', f'.md-header a.md-select__link[href="{home}"]')):
            if tab.path() != missing:
                tab.open(missing, settle=False)
            tab.page.hover('.md-header .md-select')  # the list of languages opens on hover
            link = tab.page.locator(selector)
            if link.count() != 1:
                problems.append(f'{part} has no link to the "{other}" home, {home}')
                continue
            with tab.page.expect_navigation(wait_until='commit'):
                link.click()
            if tab.path() != home:
                problems.append(f'the "{other}" home link in {part} leads to {tab.path()}')
    assert not problems, f'site/404.html, shown at {missing}:\n  ' + '\n  '.join(problems)


# --- across the site ----------------------------------------------------------

GUIDE_PAGE = Path('guide/names.md')


@pytest.mark.parametrize('lang', LANGUAGES)
def test_wide_code_scrolls_inside_its_block_on_a_phone(phone: Tab, served: Served, lang: str) -> None:
    """test_page_in_a_browser checks the wide code blocks it finds on a
    phone; this makes sure there are some to check."""
    phone.open(served.path(lang, GUIDE_PAGE), settle=False)
    blocks = phone.page.evaluate(js('phone_layout'))['code']  # as test_page_in_a_browser checks them
    assert blocks, f'docs/{lang}/{GUIDE_PAGE} has no code block wider than {PHONE["width"]} px any more: pick another page here'
    assert all(block['scrolls'] for block in blocks), f'docs/{lang}/{GUIDE_PAGE}: wide code blocks do not scroll: {blocks}'


@pytest.mark.parametrize('lang', LANGUAGES)
def test_navigation_drawer_opens_on_a_phone(phone: Tab, served: Served, lang: str) -> None:
    phone.open(language_root(lang), settle=False)
    drawer = phone.page.locator('.md-sidebar--primary')
    assert drawer.bounding_box()['x'] + drawer.bounding_box()['width'] <= 0, 'the navigation drawer is open before it is asked for'
    phone.page.click('label.md-header__button[for="__drawer"]')
    phone.page.wait_for_function('() => document.querySelector(".md-sidebar--primary").getBoundingClientRect().left >= 0')
    # A reader can reach a page through it: the link to the cheat sheet is on top, and leads there.
    cheatsheet = served.path(lang, 'cheatsheet.md')
    link = drawer.locator('a.md-nav__link[href$="cheatsheet/"]').first
    box = link.bounding_box()
    assert box and box['x'] >= 0 and box['x'] + box['width'] <= PHONE['width'], f'{lang}: the cheat sheet link is not on screen in the open drawer'
    on_top = phone.page.evaluate(
        '([x, y]) => document.elementFromPoint(x, y)?.closest("a")?.getAttribute("href") ?? null',
        [box['x'] + box['width'] / 2, box['y'] + box['height'] / 2],
    )
    assert on_top is not None and on_top.endswith('cheatsheet/'), f'{lang}: the open drawer is covered ({on_top} is on top)'
    with phone.page.expect_navigation():
        link.click()
    assert phone.path() == cheatsheet, f"{lang}: the drawer's cheat sheet link leads to {phone.path()}"
    assert not phone.problems, '\n'.join(phone.problems)


# Search: test_search.py.


TABBED_PAGES = (Path('tf2/eager-and-tf-function.md'), Path('tf2/modules-and-keras.md'))
LINKED_LABEL = 'tf-keras'


@pytest.mark.parametrize('lang', LANGUAGES)
def test_linked_mode_tabs_switch_together_and_follow_the_reader(reader: Tab, served: Served, lang: str) -> None:
    first, second = TABBED_PAGES
    reader.open(served.path(lang, first))
    assert len(tab_sets_with(reader, LINKED_LABEL)) >= 2, f'docs/{lang}/{first} needs two tab sets with a "{LINKED_LABEL}" tab for this test'
    reader.page.locator('.tabbed-set .tabbed-labels > label', has_text=LINKED_LABEL).first.click()
    wrong = wait_until_showing(reader, LINKED_LABEL)
    assert not wrong, f'docs/{lang}/{first}: picking "{LINKED_LABEL}" did not switch these tab sets to it: {wrong}'

    reader.open(served.path(lang, second))
    sets = tab_sets_with(reader, LINKED_LABEL)
    assert any(s['default'] != LINKED_LABEL for s in sets), f'docs/{lang}/{second} needs a tab set that does not open on "{LINKED_LABEL}" for this test'
    wrong = wait_until_showing(reader, LINKED_LABEL)
    assert not wrong, f'docs/{lang}/{second}: the reader picked "{LINKED_LABEL}" on the page before, but these tab sets show another tab: {wrong}'
    assert not reader.problems, '\n'.join(reader.problems)


@pytest.mark.parametrize('lang', LANGUAGES)
def test_copy_button_copies_the_code_block(reader: Tab, served: Served, lang: str) -> None:
    reader.context.grant_permissions(['clipboard-read', 'clipboard-write'], origin=served.base)
    reader.open(served.path(lang, GUIDE_PAGE))
    reader.page.evaluate('navigator.clipboard.writeText("nothing copied yet")')
    reader.page.locator('article pre button.md-code__button[data-md-type="copy"]').first.click()
    copied = reader.page.evaluate('navigator.clipboard.readText()')
    source = DOCS / lang / GUIDE_PAGE
    expected = fences(source)[0]
    assert copied.rstrip('\n') == expected.code.rstrip('\n'), (
        f'{expected}: the copy button of the first code block copied\n{copied}\ninstead of\n{expected.code}'
    )
    words = reader.page.evaluate('JSON.parse(document.getElementById("__config").textContent).translations')
    reader.page.wait_for_selector(f'.md-dialog >> text={words["clipboard.copied"]}')
    assert not reader.problems, '\n'.join(reader.problems)


# Fonts that have Chinese glyphs: Noto / Source Han (CJK), and the usual others.
CJK_FONT = re.compile(r'CJK|Source Han|WenQuanYi|Droid Sans Fallback|AR PL|PingFang|Hiragino|Heiti|Songti|YaHei|SimSun|SimHei')


@pytest.mark.parametrize('lang', LANGUAGES)
def test_screenshots_for_review(desktop, small_screen, served: Served, lang: str) -> None:
    """The home page and a guide page at desktop and phone width, and the
    cheat sheet at desktop width, in .screenshots/ (git-ignored); Chinese
    must be drawn with a CJK font."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for viewport_name, profile in (('desktop', desktop), ('phone', small_screen)):
        shot = Tab(profile, served)
        try:
            pages = (Path('index.md'), GUIDE_PAGE) + ((Path('cheatsheet.md'),) if viewport_name == 'desktop' else ())
            for page in pages:
                shot.open(served.path(lang, page))
                shot.page.evaluate('document.fonts.ready.then(() => true)')
                name = 'home' if page.stem == 'index' else page.with_suffix('').as_posix().replace('/', '-')
                file = SCREENSHOTS / f'{lang}-{name}-{viewport_name}.png'
                shot.page.screenshot(path=file, full_page=True)
                assert file.stat().st_size > 10_000, f'{file} is (nearly) empty'
                # Which fonts chromium really drew the title with.
                cdp = shot.context.new_cdp_session(shot.page)
                cdp.send('DOM.enable')
                cdp.send('CSS.enable')
                root = cdp.send('DOM.getDocument')['root']['nodeId']
                h1 = cdp.send('DOM.querySelector', {'nodeId': root, 'selector': 'article h1'})['nodeId']
                fonts = [font['familyName'] for font in cdp.send('CSS.getPlatformFontsForNode', {'nodeId': h1})['fonts']]
                cdp.detach()
                title = shot.page.inner_text('article h1').rstrip('¶ ')
                if re.search('[\u4e00-\u9fff]', title):
                    assert any(CJK_FONT.search(font) for font in fonts), (
                        f'docs/{lang}/{page}: the Chinese title "{title}" is drawn with {fonts}, no CJK font (install fonts-noto-cjk: `make install` does)'
                    )
            assert not shot.problems, '\n'.join(shot.problems)
        finally:
            shot.close()
