// Fixes for a bilingual site built by mkdocs-static-i18n with Material
// 9.8.1 (pinned in requirements.txt). Loaded from <head> by
// overrides/main.html, so it runs before Material's bundle. The browser
// tests (tests/test_browser.py) fail if any of them stops working.
(function () {
  // Material's search talks to its worker in messages; 2 is a query (a
  // string). It passes through Worker.prototype.postMessage, where it is
  // changed here. (Each language has its own search index:
  // hooks/search_per_language.py.)
  var QUERY = 2

  // 1. Find Chinese words typed together. Chinese has no spaces; the index
  // has words (jieba, at build time), and Material cuts a query into words of
  // the index, but never ends one at the query's last character (its
  // segment() stops one short), so 变量共享 searched for 变量 alone. Cut runs
  // of Chinese into words first, with the browser's own word breaker.
  var words = window.Intl && Intl.Segmenter && new Intl.Segmenter("zh", {granularity: "word"})
  function spaced(query) {
    return query.replace(/\p{sc=Han}+/gu, function (run) {
      return Array.from(words.segment(run), function (s) { return s.segment }).join(" ")
    })
  }

  var postMessage = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string" && words) {
      arguments[0] = Object.assign({}, message, {data: spaced(message.data)})
    }
    return postMessage.apply(this, arguments)
  }

  // 2. No requests for sitemaps that do not exist. Material reads the
  // <link rel="alternate" hreflang> tags above and fetches sitemap.xml below
  // each, expecting language roots; static-i18n points them at this page's
  // twins, so every page requested <twin page>/sitemap.xml and got a 404.
  // The language switch in the header links to the twin page by itself, and
  // crawlers still find the tags in the HTML (and in /sitemap.xml): only
  // Material's script stops seeing them.
  var links = document.querySelectorAll("link[rel=alternate][hreflang]")
  for (var i = 0; i < links.length; i++)
    links[i].remove()
})()
