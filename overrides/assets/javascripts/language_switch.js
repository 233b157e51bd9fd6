// The language switch keeps the reader's place.
//
// mkdocs-static-i18n links each page to its twin in the other language, and
// twins share their heading ids (tests/test_translations.py), so the section
// can come along: when a language link is followed, it gets the address's
// #fragment, or, when the reader scrolled there without one, the fragment of
// the section the table of contents marks as the one being read
// (Material's toc.follow). Set on every way of following a link: click,
// Enter, middle click.
(() => {
  const section = () => {
    if (location.hash) return location.hash
    const reading = document.querySelector('.md-nav--secondary .md-nav__link--active')
    return reading ? new URL(reading.href).hash : ''
  }
  const keepSection = (event) => {
    const link = event.target instanceof Element && event.target.closest('a.md-select__link[hreflang]')
    if (link) link.hash = section()
  }
  for (const type of ['click', 'auxclick', 'keydown', 'contextmenu']) {
    document.addEventListener(type, keepSection, true)
  }
})()
