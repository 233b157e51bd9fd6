// WCAG contrast of colours as getComputedStyle gives them, a translucent one
// laid over the opaque colour of the first ancestor that has one. Not a
// script of its own: the scripts that measure contrast include it.
const rgba = text => { const n = text.match(/[\d.]+/g).map(Number); return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1] }
const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3]))
const luminance = colour => {
  const [r, g, b] = colour.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05) }
const background = el => {
  for (; el; el = el.parentElement) {
    const colour = rgba(getComputedStyle(el).backgroundColor)
    if (colour[3] === 1) return colour
  }
  return [255, 255, 255, 1]
}
