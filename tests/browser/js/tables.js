() => Array.from(document.querySelectorAll('article table'), table => {
  const wrap = table.closest('.md-typeset__scrollwrap') || table
  return {
    head: Array.from(table.querySelectorAll('tr:first-child > *'), cell => cell.textContent.trim()).join(' | '),
    hidden: Math.max(table.scrollWidth - table.clientWidth, wrap.scrollWidth - wrap.clientWidth),
    past: table.getBoundingClientRect().right - document.documentElement.clientWidth,
  }
})
