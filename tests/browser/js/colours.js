() => {
  const style = (el) => { const s = getComputedStyle(el); return [s.color, s.backgroundColor] }
  const output = document.querySelector('article .highlight .go')
  const code = output.closest('code')
  return {output: style(output), code: style(code), comment: getComputedStyle(code.querySelector('.c1') || code).color}
}
