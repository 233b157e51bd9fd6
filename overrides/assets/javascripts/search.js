// What the reader types, as Material's search (9.8.1, pinned in
// requirements.txt) should understand it. Loaded from <head> by
// overrides/main.html, before Material's bundle. tests/browser/test_search.py
// types tests/browser/search_queries.py's queries into it, in both languages.
//
// Material's search runs lunr in a worker and talks to it in messages: 0 sets
// it up with the index, 2 is a query (the search box's text), 3 the results.
// All pass through here: the query is rewritten on its way in, the results
// are ranked again on their way out. (Each language has its own index:
// hooks/search_per_language.py; hooks/search_words.py adds words to it.)
(function () {
  var SETUP = 0, QUERY = 2, RESULT = 3
  var docs = []  // the index's, from the setup message
  var byLocation = new Map()
  var compounds = {}  // its Chinese compounds' parts (hooks/search_words.py)
  var synonyms = {}  // readers' words that the pages say otherwise (hooks/search_words.py)
  var catalogue = "\0"  // where the error catalogue's sections are (hooks/search_words.py)
  var asked = []  // the words of each query sent, in order: the worker answers in order

  // --- the query --------------------------------------------------------------

  // The Chinese words of the index (jieba's, cut at build time, with the parts
  // of its compounds that hooks/search_words.py adds), collected at the first
  // Chinese query: those of two characters or more, and the single ones that
  // jieba left as words of their own (已 in 变量已存在).
  var chinese = null, singles = null, longest = 1
  function vocabulary() {
    if (chinese) return chinese
    chinese = new Set(Object.keys(synonyms))  // a reader's word is a word too
    chinese.forEach(function (word) { longest = Math.max(longest, word.length) })
    singles = new Set()
    docs.forEach(function (doc) {
      Object.values(doc).join("\u200b").split(/\P{sc=Han}+/u).forEach(function (word) {
        if (word.length === 1) singles.add(word)
        else if (word.length > 1 && !chinese.has(word)) {
          chinese.add(word)
          longest = Math.max(longest, word.length)
        }
      })
    })
    return chinese
  }

  // Words of a question that say nothing about its subject: a section need
  // not hold them.
  var QUESTION = new Set(["为什么", "什么", "怎么", "怎样", "如何", "哪些", "是否", "能否", "可以", "能不能", "会不会"])

  // A Chinese run, cut as jieba cut the index: from the left, the longest
  // word of the index that starts there (forward maximum matching), else one
  // character. A character that is no word of the index is left out, so that
  // a word the site never uses (量子纠缠) finds nothing, instead of every
  // page with one of its characters.
  function chineseWords(run) {
    return cutChinese(run).filter(function (word) { return word.length > 1 ? !QUESTION.has(word) : singles.has(word) })
  }
  function cutChinese(run) {
    var known = vocabulary()
    var cut = []
    for (var i = 0; i < run.length;) {
      var n = Math.min(longest, run.length - i)
      while (n > 1 && !known.has(run.slice(i, i + n))) n--
      cut.push(run.slice(i, i + n))
      i += n
    }
    return cut
  }

  // Two words of the query side by side, as a section may have them too
  // (变量名后面, 权重名: the index holds 权重 and 名 apart).
  function pairs(query) {
    var found = []
    ;(query.match(/\p{sc=Han}+/gu) || []).forEach(function (run) {
      var cut = cutChinese(run)
      for (var i = 1; i < cut.length; i++) found.push(cut[i - 1] + cut[i])
    })
    return found
  }

  // lunr's English stop words, as Material's worker has them
  // (lunr.stopWordFilter; the index was built without them, and
  // tests/test_site.py checks that this copy matches the worker's).
  var STOP = new Set(["a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and", "any", "are", "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could", "dear", "did", "do", "does", "either", "else", "ever", "every", "for", "from", "get", "got", "had", "has", "have", "he", "her", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just", "least", "let", "like", "likely", "may", "me", "might", "most", "must", "my", "neither", "no", "nor", "not", "of", "off", "often", "on", "only", "or", "other", "our", "own", "rather", "said", "say", "says", "she", "should", "since", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "tis", "to", "too", "twas", "us", "wants", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "yet", "you", "your"])

  // An English word, as a prefix of its forms: the pages say "renames" where
  // the reader types "renamed", "checkpoint" where they type "checkpoints"
  // (the index has no stemmer: lunr's would cut "variable" to "variabl" in
  // the results' "Missing:" line).
  function stem(word) {
    var base = word.toLowerCase()
    var cut = base.replace(/(?:ing|ed|es|s)$/, "")
    if (cut.length >= 4) base = cut
    if (base.length >= 5 && /e$/.test(base)) base = base.slice(0, -1)
    return base
  }

  // A pasted error message: "ValueError: ...".
  var MESSAGE = /\b[A-Z]\w*(?:Error|Exception|Warning): /

  // A query that uses lunr's own syntax ("exact words", +required, -excluded,
  // prefix*, fuzzy~1, boost^2) goes to Material unchanged, but for Chinese.
  var SYNTAX = /"|(?:^|\s)[+-][\p{L}\p{N}]|[\p{L}\p{N}_][*]|[\p{L}\p{N}_][~^]\d/u
  var LETTERS = "(?:(?!\\p{sc=Han})[\\p{L}\\p{N}_])+"
  var WORD = new RegExp("\\p{sc=Han}+|" + LETTERS + "(?:'" + LETTERS + ")*", "gu")
  // Material's separator cuts ValueError and VarScope in two: cut them here
  // too, so that each part is a word of its own.
  var CAMEL = /(?<=\w)(?=[A-Z][a-z])/

  // The query's words, each as the reader typed it (`word`), as lunr gets
  // it (`sent`: one clause or more), as the results' terms name those
  // clauses (`clauses`), and how a word of a title matches it (`matches`).
  // A Chinese compound is also looked up by its parts (加前缀: 前缀), which
  // hooks/search_words.py lists in the index's config.
  function analyse(query) {
    if (SYNTAX.test(query)) return {text: query.replace(/\p{sc=Han}+/gu, function (run) { return chineseWords(run).join(" ") }), words: []}
    var parts = []
    ;(query.match(WORD) || []).forEach(function (word) {
      parts.push.apply(parts, /\p{sc=Han}/u.test(word) ? [word] : word.split(CAMEL))
    })
    // The word still being typed matches as a prefix, however short.
    var typing = /[\p{L}\p{N}_]$/u.test(query) ? parts.length - 1 : -1
    var words = []
    var whole = function (clauses) { return function (token) { return clauses.includes(token) } }
    parts.forEach(function (part, i) {
      if (/\p{sc=Han}/u.test(part))
        // 〇, a Han character in no word, keeps Material's own Chinese
        // segmentation from cutting the word again; ^1 makes it match whole
        // (Chinese words have no forms: the index holds the parts of compounds).
        chineseWords(part).forEach(function (word) {
          // The word itself, or a word the pages use for it, counts in full;
          // one of its parts, half (槽变量's 变量 is any variable).
          var clauses = [word].concat(synonyms[word] || [], compounds[word] || [])
          var full = 1 + (synonyms[word] || []).length
          var sent = clauses.map(function (c) { return /\p{sc=Han}/u.test(c) ? c + "〇^1" : c + "^1" })
          words.push({word: word, clauses: clauses, full: full, sent: sent.join(" "), matches: whole(clauses)})
        })
      else if (STOP.has(part.toLowerCase()) && i !== typing)
        return
      // A suffix, as readers write it when they ask where a _1 came from:
      // the end of a name (conv1_1, dense_1).
      else if (/^_\w/.test(part)) {
        var suffix = part.toLowerCase()
        words.push({word: part, clauses: [suffix], sent: "*" + suffix, suffix: true, matches: function (token) { return token.endsWith(suffix) }})
      }
      // A short word, or a number, is a word of its own: as a prefix, "tf"
      // found every TF1 and TF2, "3" every 32.
      else if (i !== typing && (part.length <= 3 || /^\d+$/.test(part)))
        words.push({word: part, clauses: [part.toLowerCase()], sent: part + "^1", matches: whole([part.toLowerCase()])})
      else {
        var base = stem(part)
        words.push({word: part, clauses: [base], sent: base, matches: function (token) { return token.startsWith(base) }})
      }
    })
    // Single Chinese characters alone (all of 量子纠缠 that the index has)
    // are no query.
    if (!words.some(function (w) { return w.word.length > 1 || !/\p{sc=Han}/u.test(w.word) })) words = []
    return {text: words.map(function (w) { return w.sent }).join(" "), words: words, pasted: MESSAGE.test(query), phrases: pairs(query)}
  }

  // --- the results ------------------------------------------------------------

  // Material ranks a result by lunr's score times 1 + (its boost)², where the
  // boost is 1 for a page (not a section) plus the share of the query's words
  // it holds: a page whose title held one word of the query came before the
  // section that held them all, and most English queries listed every page.
  // Here, for each section:
  // - its share of the query weighs each word by how rare it is (a pasted
  //   message's "Variable" says less than its "initializer"). Every section
  //   holding a word of the query is in the results (lunr's query asks for
  //   any of them), so the results count the sections holding each;
  // - its relevance is lunr's score without Material's page bonus, times the
  //   share to the 8th power (holding most of the query matters more than a
  //   title that holds one word of it), times 1 + the share of its title
  //   that is words of the query (Material turns off lunr's length
  //   normalisation: "Reuse" is more about reuse than "Create once, then
  //   reuse"), with the bonuses below;
  // - a section that holds every word comes before those that do not;
  // - a section with less than half of the best one's share is left out.
  // tests/browser/test_search.py holds the readers' queries that this order
  // answers, and the boundary of "every word comes first".
  var separator = null
  var tokenised = {}
  var plains = {}
  function plain(location) {
    if (!(location in plains)) {
      var doc = byLocation.get(location) || {}
      plains[location] = [doc.title, doc.text, doc.text_also].join(" ").replace(/<[^>]*>|\u200b/g, "")
    }
    return plains[location]
  }
  function onlyInParts(location, clause) {
    var doc = byLocation.get(location) || {}
    return (doc.parts || "").split(" ").includes(clause) && !tokens(location).includes(clause)
  }
  function tokens(location) {
    if (!tokenised[location]) {
      var doc = byLocation.get(location) || {}
      tokenised[location] = [doc.title, doc.text, doc.title_also, doc.text_also].join(" ").replace(/<[^>]*>/g, " ").toLowerCase().split(separator)
    }
    return tokenised[location]
  }
  function rank(items, words, pasted, phrases) {
    var all = [].concat.apply([], items)
    // Whether an item holds a word of the query, in any of its forms.
    // (Material's worker reports the words a section holds as prefixes; a
    // suffix is looked for in the section's own words.)
    var holds = function (item, w) {
      if (w.suffix) return tokens(item.location).some(w.matches) ? 1 : 0
      var i = w.clauses.findIndex(function (clause) { return item.terms[clause] })
      if (i < 0) return 0
      // Held as a part of a compound (一一 in 一一对应), on the query's side or
      // the section's: half.
      return i < (w.full || 1) && !onlyInParts(item.location, w.clauses[i]) ? 1 : 0.5
    }
    // A word that no section holds (a stop word, which the index left out:
    // 的, 已, why) counts for nothing, nor does a single Chinese character
    // (层 in 自定义层), which lunr alone weighs.
    words = words.filter(function (w) {
      return !(w.word.length === 1 && /\p{sc=Han}/u.test(w.word)) && all.some(function (item) { return holds(item, w) })
    })
    if (!words.length) return items
    var holding = words.map(function (w) { return all.filter(function (item) { return holds(item, w) }).length })
    var weights = holding.map(function (n) { return Math.log(1 + docs.length / (n || 1)) })
    var total = weights.reduce(function (sum, weight) { return sum + weight }, 0)
    var share = function (item) {
      return words.reduce(function (sum, w, i) { return sum + holds(item, w) * weights[i] }, 0) / total
    }
    // A title's words (not its punctuation), in lower case.
    var titleWords = function (item) {
      return item.title.replace(/<[^>]*>/g, " ").split(separator).filter(function (token) { return /[\p{L}\p{N}]/u.test(token) }).map(function (token) { return token.toLowerCase() })
    }
    // The share of a title's words that are words of the query.
    var titled = function (tokens) {
      var matched = tokens.filter(function (token) { return words.some(function (w) { return w.matches(token) }) })
      return tokens.length ? matched.length / tokens.length : 0
    }
    // Whether a title holds every word of the query.
    var about = function (tokens) {
      return words.every(function (w) { return tokens.some(w.matches) })
    }
    var best = all.reduce(function (most, item) { return Math.max(most, share(item)) }, 0)
    var ranked = items.map(function (group) {
      group = group.map(function (item) {
        var terms = Object.keys(item.terms)
        var held = terms.filter(function (term) { return item.terms[term] }).length
        var boost = +!item.parent + (terms.length ? held / terms.length : 0)
        var title = titleWords(item)
        var isAbout = about(title)
        var score = item.score / (1 + boost * boost) * (1 + titled(title))
        var part = share(item)
        // The reader's words in the "Missing:" line, not the clauses sent.
        var shown = {}
        if (terms.length) words.forEach(function (w) { shown[w.word] = holds(item, w) > 0 })
        var kept = part > 0 && part >= best / 2
        var relevance = score * Math.pow(part, 8)
        // A page (not a section) whose title holds the whole query is what
        // the reader asked for; so is the error catalogue's entry for a
        // pasted message. A section that has two Chinese words of the query
        // side by side, as the reader typed them, says what the reader said:
        // twice as relevant for each such pair.
        if (!item.parent && isAbout) relevance *= 4
        phrases.forEach(function (run) { if (plain(item.location).includes(run)) relevance *= 2 })
        if (pasted && item.location.startsWith(catalogue)) relevance *= 2
        // Holding every word puts a section before those that do not; but not
        // for a pasted message, which holds the names of the reader's code,
        // nor on the pages that hold a little of everything (the home page,
        // the glossary, the cheat sheet, the notebooks: hooks/search_words.py
        // gives them a boost below 1).
        var whole = part > 0.999 && !pasted && !(item.boost < 1)
        return Object.assign({}, item, {terms: shown, share: part, kept: kept, whole: whole, about: isAbout, relevance: relevance})
      })
      // A section is read under its page's title: one that holds as much of
      // the query as its page's first lines adds the page's score to its own,
      // and comes before them; unless the page's title holds every word of
      // the query ("Reuse", "Eager mode and tf.function" for 即刻执行): then
      // the reader asked for the page.
      var page = group.find(function (item) { return !item.location.includes("#") })
      group.forEach(function (item) {
        var inherited = page && item !== page && item.share >= page.share && !page.about ? page.relevance : 0
        item.score = item.kept ? (item.whole ? 1e9 : 0) + item.relevance + inherited : 0
      })
      return group.filter(function (item) {
        return item.score > 0 || item === page  // each group keeps its page, which Material shows first
      }).sort(function (a, b) { return b.score - a.score })
    }).filter(function (group) { return group[0].score > 0 })
    return ranked.sort(function (a, b) { return b[0].score - a[0].score })
  }

  // --- the messages -------------------------------------------------------------

  var postMessage = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === SETUP && message.data && message.data.docs) {
      docs = message.data.docs
      byLocation = new Map(docs.map(function (doc) { return [doc.location, doc] }))
      separator = new RegExp(message.data.config.separator, "u")
      compounds = message.data.config.parts || {}
      catalogue = message.data.config.catalogue || "\0"
      tokenised = {}
      plains = {}
      synonyms = message.data.config.synonyms || {}
      chinese = null
    }
    if (message && message.type === QUERY && typeof message.data === "string") {
      var query = analyse(message.data)
      asked.push(query)
      arguments[0] = Object.assign({}, message, {data: query.text})
    }
    return postMessage.apply(this, arguments)
  }

  var listen = Worker.prototype.addEventListener
  Worker.prototype.addEventListener = function (type, listener, options) {
    if (type !== "message" || typeof listener !== "function") return listen.apply(this, arguments)
    return listen.call(this, type, function (event) {
      var message = event.data
      if (!message || message.type !== RESULT || !asked.length) return listener.call(this, event)
      var query = asked.shift()
      if (!query.words.length) return listener.call(this, event)
      var data = Object.assign({}, message.data, {items: rank(message.data.items, query.words, query.pasted, query.phrases)})
      return listener.call(this, new MessageEvent("message", {data: Object.assign({}, message, {data: data})}))
    }, options)
  }

  // --- nothing found -------------------------------------------------------------

  // When nothing matches, the list offers the pages that answer most
  // questions: overrides/main.html renders them in the page's language into
  // <template id="search-empty">.
  document.addEventListener("DOMContentLoaded", function () {
    var meta = document.querySelector(".md-search-result__meta")
    var template = document.getElementById("search-empty")
    if (!meta || !template) return
    var none = JSON.parse(document.getElementById("__config").textContent).translations["search.result.none"]
    new MutationObserver(function () {
      var shown = document.querySelector(".md-search-result .search-empty")
      var empty = meta.textContent.trim() === none
      if (empty && !shown) meta.after(template.content.cloneNode(true))
      if (!empty && shown) shown.remove()
    }).observe(meta, {childList: true, characterData: true, subtree: true})
  })
})()
