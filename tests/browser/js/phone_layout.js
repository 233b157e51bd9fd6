() => {
  const root = document.documentElement, width = root.clientWidth
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '')
  const outside = []
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect()
    if (!box.width || !box.height || box.right <= width + 1) continue
    let p = el.parentElement
    while (p && p !== root && (getComputedStyle(p).overflowX === 'visible' || p.getBoundingClientRect().right > width + 1))
      p = p.parentElement
    if (!p || p === root) outside.push(name(el))
  }
  const code = []
  for (const pre of document.querySelectorAll('.md-content pre')) {
    const inner = pre.querySelector(':scope > code') || pre
    if (inner.scrollWidth <= inner.clientWidth + 1) continue
    let box = inner
    while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement
    let scrolls = false
    if (box && box !== root && box !== document.body) {
      const before = box.scrollLeft
      box.scrollLeft = before + 40
      scrolls = box.scrollLeft > before && box.getBoundingClientRect().right <= width + 1
      box.scrollLeft = before
    }
    code.push({name: name(pre), scrolls})
  }
  scrollTo(10000, scrollY)
  const scrolledX = scrollX
  scrollTo(0, scrollY)
  return {width, scrollWidth: root.scrollWidth, scrolledX, outside: outside.slice(0, 5), code}
}
