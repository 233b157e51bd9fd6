() => {
//#include contrast
  const width = document.documentElement.clientWidth
  return Array.from(document.querySelectorAll('article .tabbed-set'), set => {
    const row = set.querySelector(':scope > .tabbed-labels')
    const inputs = Array.from(set.querySelectorAll(':scope > input'))
    const rowBox = row.getBoundingClientRect()
    const arrows = Array.from(set.querySelectorAll(':scope > .tabbed-control'))
      .filter(c => !c.hidden && c.getClientRects().length && getComputedStyle(c).visibility !== 'hidden').length
    const around = []  // the row and the set: their underline would reach the labels too
    for (let el = row; el !== set.parentElement; el = el.parentElement) around.push(el)
    const labels = Array.from(row.children, (label, i) => {
      const box = label.getBoundingClientRect()
      const underlined = [label, ...label.querySelectorAll('*'), ...around]
        .filter(el => getComputedStyle(el).textDecorationLine.includes('underline')).map(el => el.tagName.toLowerCase())
      const link = label.querySelector('a')
      const style = getComputedStyle(label)
      const border = rgba(style.borderBottomColor)
      // Material's bar under the selected label (the row's ::before), if it is there.
      const bar = getComputedStyle(row, '::before')
      const barLeft = rowBox.left + row.clientLeft - row.scrollLeft + new DOMMatrix(bar.transform === 'none' ? '' : bar.transform).m41
      const underIt = bar.display !== 'none' && bar.content !== 'none' && Math.abs(barLeft - box.left) < 2
        && Math.abs(parseFloat(bar.width) - box.width) < 2 && Math.abs(rowBox.bottom - box.bottom) < 2
      return {
        text: label.textContent.trim(),
        checked: inputs[i].checked,
        left: box.left, right: box.right,
        inRow: box.left >= rowBox.left - 1 && box.right <= rowBox.right + 1,
        underlined,
        linkColoured: link !== null && getComputedStyle(link).color !== style.color,
        border: parseFloat(style.borderBottomWidth) >= 1 && border[3] > 0
          ? contrast(over(border, background(label)), background(label)) : 0,
        bar: underIt ? contrast(over(rgba(bar.backgroundColor), background(row)), background(row)) : 0,
      }
    })
    return {scrolls: row.scrollWidth > row.clientWidth + 1, arrows, width, labels}
  })
}
