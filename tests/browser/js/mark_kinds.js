// Mark, with data-cover, the first three elements of the article that match
// each selector and hold text: what test_theme.py checks on this
// page. Returns how many it marked for each selector.
selectors => {
  const article = document.querySelector('article')
  // Own text, or (a tab label, which Material's script wraps in a link) its child's.
  const holdsText = el => el.textContent.trim() !== ''
  return selectors.map(selector => {
    const found = Array.from(document.querySelectorAll(selector)).filter(el => article.contains(el) && holdsText(el)).slice(0, 3)
    found.forEach(el => el.setAttribute('data-cover', ''))
    return found.length
  })
}
