([outputs, inputs]) => {
  const rgba = value => {
    const m = value.match(/rgba?\(([^)]+)\)/)
    if (!m) return null
    const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number)
    return [r, g, b, a]
  }
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1)
  const background = element => {
    const layers = []
    for (let e = element; e; e = e.parentElement) layers.push(rgba(getComputedStyle(e).backgroundColor) || [0, 0, 0, 0])
    return layers.reverse().reduce((under, layer) => over(layer, under), [255, 255, 255, 1])
  }
  const rule = (style, bg) => {
    const shadow = style.boxShadow.match(/(rgba?\([^)]+\))\s+([\d.]+)px\s+0px\s+0px(?:\s+0px)?\s+inset/)
    if (shadow && parseFloat(shadow[2]) > 0) return {color: over(rgba(shadow[1]), bg), width: parseFloat(shadow[2])}
    const width = parseFloat(style.borderLeftWidth)
    if (style.borderLeftStyle !== 'none' && width > 0) return {color: over(rgba(style.borderLeftColor), bg), width}
    return null
  }
  const input = document.querySelector(inputs + ' > code')
  return Array.from(document.querySelectorAll(outputs + ' > code'), code => {
    const style = getComputedStyle(code), bg = background(code)
    return {
      text: code.textContent.trim().split('\n')[0].slice(0, 60),
      fg: over(rgba(style.color), bg), bg, inputBg: background(input), rule: rule(style, bg),
    }
  })
}
