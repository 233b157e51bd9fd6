() => {
  const meta = document.querySelector('.md-search-result__meta')
  const words = JSON.parse(document.getElementById('__config').textContent).translations
  return meta !== null && meta.textContent.trim() === words['search.result.placeholder']
}
