selector => Array.from(document.querySelectorAll(selector), link => {
  const href = link.getAttribute('href')
  const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null
  const words = element => Array.from(element.childNodes)
    .filter(node => !(node.nodeType === 1 && node.classList.contains('headerlink')))
    .map(node => node.textContent).join('').trim()
  return {href, text: link.textContent.trim(), tag: target ? target.tagName : null, words: target ? words(target) : null}
})
