() => {
//#include contrast
  const input = document.activeElement
  const label = input.closest('.tabbed-set').querySelector(`:scope > .tabbed-labels > label[for="${input.id}"]`)
  const style = getComputedStyle(label)
  const width = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth)
  const ground = background(label)
  return {
    focused: input.id,
    label: label.textContent.trim(),
    width,
    contrast: width ? contrast(over(rgba(style.outlineColor), ground), ground) : 0,
    others: Array.from(label.parentElement.children).filter(other => other !== label && getComputedStyle(other).outlineStyle !== 'none').length,
  }
}
