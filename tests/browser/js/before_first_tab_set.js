() => {
  const input = document.querySelector('article .tabbed-set > input:checked')
  const stops = Array.from(document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'))
    .filter(el => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
    .filter(el => el.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING)
  stops.at(-1).focus()
  return input.id
}
