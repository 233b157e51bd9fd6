() => Array.from(document.querySelectorAll('.md-search-result__item'), item => ({
  links: Array.from(item.querySelectorAll('a.md-search-result__link'), a => {
    const url = new URL(a.href)
    return [url.pathname + url.hash, parseFloat(a.querySelector('article').dataset.mdScore)]
  }),
  marks: Array.from(item.querySelectorAll('mark'), mark => mark.textContent),
  missing: Array.from(item.querySelectorAll('.md-search-result__terms del'), del => del.textContent),
}))
