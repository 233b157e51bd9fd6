// Scroll Material's search results until `count` of them are shown: it shows
// ten, then four more each time the list reaches its end. Two frames after
// each scroll it has drawn them.
async count => {
  const list = document.querySelector('.md-search__scrollwrap')
  const shown = () => document.querySelectorAll('.md-search-result__item').length
  const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))
  while (shown() < count) {
    const before = shown()
    list.scrollTop = list.scrollHeight
    await frames()
    if (shown() === before) {
      list.scrollTop = 0
      await frames()
    }
  }
  return shown()
}
