// A fix for a bilingual site built by mkdocs-static-i18n with Material
// 9.8.1 (pinned in requirements.txt). Loaded from <head> by
// overrides/main.html, so it runs before Material's bundle. The browser
// tests (tests/browser/test_pages.py) fail if it stops working.
(function () {
  // No requests for sitemaps that do not exist. Material reads the
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
