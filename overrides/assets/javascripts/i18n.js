// Fixes for a bilingual site built by mkdocs-static-i18n with Material
// 9.8.1 (pinned in requirements.txt). Loaded from <head> by
// overrides/main.html, so it runs before Material's bundle. The browser
// tests (tests/browser/test_pages.py, tests/browser/test_search.py) fail if any of
// them stops working.
(function () {
  // Material's search talks to its worker in messages: 0 sets it up with the
  // index, 2 is a query (the search box's text). Both pass through
  // Worker.prototype.postMessage, where queries are rewritten here, before
  // Material's own query transform in the worker turns each word into a
  // lunr clause. (Each language has its own index:
  // hooks/search_per_language.py; hooks/search_words.py adds to it.)
  var SETUP = 0, QUERY = 2
  var docs = []  // the index's, from the setup message

  // The Chinese words of the index (jieba's, cut at build time), collected
  // at the first Chinese query.
  var chinese = null, longest = 1
  function vocabulary() {
    if (chinese) return chinese
    chinese = new Set()
    docs.forEach(function (doc) {
      Object.values(doc).join("\u200b").split(/\P{sc=Han}+/u).forEach(function (word) {
        if (word.length > 1 && !chinese.has(word)) {
          chinese.add(word)
          longest = Math.max(longest, word.length)
        }
      })
    })
    return chinese
  }

  // 1. English: a word the reader has finished is matched as a word.
  // Material matches every word as a prefix, so a pasted error message found
  // "note" for "not", every "initializer" for "in", and TF1 and TF2 in page
  // titles for "tf": pages sharing no word with the message came first. Now a
  // finished word of up to three letters (in the singular) must match whole
  // ("tf^1": with a boost, Material adds no "*"). Longer words, like the word still being
  // typed, match as a prefix of their singular, so that "checkpoints" finds
  // what "checkpoint" finds (lunr's stemmer would cut "variable" to "variabl",
  // which then shows in the results' "Missing:" line).
  function singular(word) {
    return word.replace(/(?<=(?:s|x|z|ch|sh))es$|(?<=[^sui])s$/i, "")
  }
  function english(word, finished) {
    var base = singular(word)
    return finished && base.length <= 3 ? word + "^1" : base
  }

  // 2. Chinese: the words of the index, each one whole. Material cuts a run
  // of Chinese in a query into words of the index, but its segment() never
  // lets a word end at the run's last character, so 中文 searched for 中 and
  // 空间 for 空, and each as a prefix: 中 found every word starting with 中,
  // results led with pages without the query's words and highlighted single
  // characters. Here a run is cut into the fewest words of the index, and
  // each goes out followed by 〇, a Han character that segment() never looks
  // at, so it hands the word back whole. Chinese words have no forms to
  // stem: they match whole (解决 does not find 解决办法). A word of two or more
  // characters must be on the page (命名空间 is one term: a page with 命名
  // alone in its title does not match it); a single character (的, or one in
  // no word of the index) is optional.
  function words(run) {
    var known = vocabulary()
    var best = [{cost: 0}]  // best[i]: the cheapest cut of run.slice(0, i)
    for (var i = 1; i <= run.length; i++)
      for (var j = Math.max(0, i - longest); j < i; j++) {
        var word = run.slice(j, i)
        var single = i - j === 1
        if (!single && !known.has(word)) continue
        var cost = best[j].cost + (single ? 1.01 : 1)  // of equal counts, fewer single characters
        if (!best[i] || cost < best[i].cost) best[i] = {cost: cost, from: j}
      }
    var cut = []
    for (var k = run.length; k > 0; k = best[k].from) cut.unshift(run.slice(best[k].from, k))
    return cut.map(function (word) {
      return word.length > 1 ? "+" + word + "〇" : word + "〇^1"
    })
  }

  // A query that uses lunr's own syntax ("exact words", +required, -excluded,
  // prefix*, fuzzy~1, boost^2) goes to Material unchanged, but for Chinese.
  var SYNTAX = /"|(?:^|\s)[+-][\p{L}\p{N}]|[\p{L}\p{N}_][*]|[\p{L}\p{N}_][~^]\d/u
  var LETTERS = "(?:(?!\\p{sc=Han})[\\p{L}\\p{N}_])+"
  var WORD = new RegExp("\\p{sc=Han}+|" + LETTERS + "(?:'" + LETTERS + ")*", "gu")
  // Material's separator cuts ValueError and VarScope in two: cut them here
  // too, so that each part is a word of its own (VarScope: "Var^1 Scope").
  var CAMEL = /(?<=\w)(?=[A-Z][a-z])/
  function rewrite(query) {
    if (SYNTAX.test(query))
      return query.replace(/\p{sc=Han}+/gu, function (run) { return words(run).join(" ") })
    var parts = []
    ;(query.match(WORD) || []).forEach(function (word) {
      parts.push.apply(parts, /\p{sc=Han}/u.test(word) ? [word] : word.split(CAMEL))
    })
    var typing = /[\p{L}\p{N}_]$/u.test(query) ? parts.length - 1 : -1
    return parts.map(function (part, i) {
      return /\p{sc=Han}/u.test(part) ? words(part).join(" ") : english(part, i !== typing)
    }).join(" ")
  }

  var postMessage = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === SETUP && message.data && message.data.docs) {
      docs = message.data.docs
      chinese = null
    }
    if (message && message.type === QUERY && typeof message.data === "string")
      arguments[0] = Object.assign({}, message, {data: rewrite(message.data)})
    return postMessage.apply(this, arguments)
  }

  // 3. No requests for sitemaps that do not exist. Material reads the
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
