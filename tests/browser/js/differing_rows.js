async ([a, b]) => {
  const pixels = async png => {
    const image = new Image()
    image.src = 'data:image/png;base64,' + png
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.width
    canvas.height = image.height
    const context = canvas.getContext('2d')
    context.drawImage(image, 0, 0)
    return context.getImageData(0, 0, canvas.width, canvas.height)
  }
  const [x, y] = [await pixels(a), await pixels(b)]
  const rows = new Set()
  for (let i = 0; i < x.data.length; i += 4) {
    const difference = Math.abs(x.data[i] - y.data[i]) + Math.abs(x.data[i + 1] - y.data[i + 1]) + Math.abs(x.data[i + 2] - y.data[i + 2])
    if (difference > 60) rows.add(Math.floor(i / 4 / x.width))
  }
  return [...rows].sort((p, q) => p - q)
}
