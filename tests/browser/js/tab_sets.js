() => Array.from(document.querySelectorAll('.tabbed-set'), set => {
  const inputs = Array.from(set.querySelectorAll(':scope > input'))
  const label = input => set.querySelector(`label[for="${input.id}"]`).textContent.trim()
  const blocks = Array.from(set.querySelectorAll(':scope > .tabbed-content > .tabbed-block'))
  const selected = inputs.findIndex(input => input.checked)
  return {
    labels: inputs.map(label),
    selected: label(inputs[selected]),
    default: label(inputs.find(input => input.defaultChecked) || inputs[0]),
    shown: blocks.map(block => block.getClientRects().length > 0).indexOf(true) === selected,
  }
})
