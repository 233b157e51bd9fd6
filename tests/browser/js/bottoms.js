() => {
  const heading = document.getElementById('start-here')
  const section = [...document.querySelectorAll('article > *')]
  const after = section.slice(section.indexOf(heading) + 1)
  const link = after.map(el => el.querySelector('a[href*="lessons/"]')).find(Boolean)
  const row = after.map(el => el.querySelector('tbody tr')).find(Boolean)
  const bottom = (el) => el ? el.getBoundingClientRect().bottom + scrollY : null
  return {heading: bottom(heading), link: bottom(link), row: bottom(row)}
}
