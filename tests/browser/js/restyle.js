mode => {
  const link = document.querySelector('a[data-probe]')
  link.dataset.colour ||= getComputedStyle(link).color
  for (const el of [link, ...link.querySelectorAll('*')]) {
    el.style.setProperty('transition', 'none', 'important')
    el.style.removeProperty('text-decoration-line')
    el.style.removeProperty('color')
    if (mode === 'drawn') continue
    el.style.setProperty('text-decoration-line', 'none', 'important')
    if (mode === 'no underline') continue
    const shown = mode === 'underscores' && el.matches('[data-underscore]')
    el.style.setProperty('color', shown ? link.dataset.colour : 'transparent', 'important')
  }
}
