id => {
  const box = document.getElementById(id).getBoundingClientRect()
  const header = document.querySelector('.md-header').getBoundingClientRect()
  return box.top >= header.bottom - 1 && box.bottom <= innerHeight + 1
}
