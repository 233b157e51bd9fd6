() => {
  const clipped = []
  for (const output of document.querySelectorAll('article .highlight .go')) {
    const box = output.closest('code').getBoundingClientRect()
    // The text's own line boxes: the span's box may be narrower than text
    // that does not wrap.
    const text = document.createRange()
    text.selectNodeContents(output)
    for (const line of text.getClientRects()) {
      if (line.right > box.right + 0.5) {
        clipped.push(output.textContent.slice(0, 80))
        break
      }
    }
  }
  return clipped
}
