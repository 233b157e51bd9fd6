kind => {
  const link = Array.from(document.querySelectorAll('article a:not(.headerlink)')).find(a =>
    a.textContent.includes('_') && !a.closest('.tabbed-labels')
    && !!a.closest('table') === (kind === 'table') && !!a.querySelector('code') === (kind !== 'text'))
  if (!link) return null
  link.dataset.probe = ''
  const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT)
  const texts = []
  while (walker.nextNode()) texts.push(walker.currentNode)
  for (const text of texts.filter(t => t.data.includes('_'))) {
    const parts = text.data.split('_')
    text.replaceWith(...parts.flatMap((part, i) => {
      if (!i) return [part]
      const underscore = document.createElement('span')
      underscore.dataset.underscore = ''
      underscore.textContent = '_'
      return [underscore, part]
    }))
  }
  const first = link.querySelector('[data-underscore]')
  first.scrollIntoView({block: 'center'})
  const box = first.getBoundingClientRect()
  return {
    text: link.textContent,
    underline: getComputedStyle(link).textDecorationLine,
    clip: {x: box.x - 20, y: box.y - 2, width: box.width + 40, height: box.height + 6},
  }
}
