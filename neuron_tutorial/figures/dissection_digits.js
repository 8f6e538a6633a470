// dissection_digits: draw the top digits of the chosen neuron and random direction from the build's
// table (dissection_digits.data()): tiles() draws the 16 images as ink squares with a frame per
// image (thick when it has the concept), header() writes the text above each panel. Runs on load
// (style.draw_on_load) and on every control.

function tiles(images, levels, side, row) {
  const ink = {x: [], y: [], alpha: []}
  const frames = {x: [], y: [], width: []}
  row.top.forEach((image, t) => {
    const left = (t % side) * 9
    const top = (side - Math.floor(t / side)) * 9 - 1
    const pixels = images[image]
    for (let p = 0; p < pixels.length; p++) {
      const value = levels.indexOf(pixels[p])
      if (value) {
        ink.x.push(left + (p % 8) + 0.5)
        ink.y.push(top - Math.floor(p / 8) - 0.5)
        ink.alpha.push(value / 16)
      }
    }
    frames.x.push(left + 4)
    frames.y.push(top - 4)
    frames.width.push(row.has[t] ? 3 : 1)
  })
  return {ink, frames}
}

// Direction `rank` (1 = best IoU) of `kind` in network `seed`: ranked_row() of the Python.
function ranked_row(data, seed, kind, rank) {
  const columns = data.networks[seed][kind]
  const r = rank - 1, top = data.top
  const code = columns.top.slice(2 * top * r, 2 * top * (r + 1))
  const bits = parseInt(columns.has.slice(4 * r, 4 * (r + 1)), 16)
  return {slot: columns.slot[r], concept: columns.concept[r], iou: columns.iou[r],
          top: Array.from({length: top}, (_, t) => parseInt(code.slice(2 * t, 2 * t + 2), 36)),
          has: Array.from({length: top}, (_, t) => (bits >> (top - 1 - t)) & 1)}
}

function header(data, seed, kind, rank) {
  const net = data.networks[seed]
  const row = ranked_row(data, seed, kind, rank)
  const what = (kind === "neuron" ? `Neuron ${row.slot + 1}` : "Random direction") +
    `, rank ${rank} of ${net.live}`
  const verdict = row.iou >= data.threshold ? "a detector" : "not a detector"
  const iou = (Math.floor(row.iou * 100 + 0.5) / 100).toFixed(2)
  const has = row.has.reduce((a, b) => a + b, 0)
  return `<b>${what}</b><br>best: <b>${data.concepts[row.concept]}</b><br>IoU ${iou}: ${verdict}` +
    `<br>${has} of these ${row.has.length} have it (framed)`
}

export default (args) => {
  const {data, levels, side, panels, seed, neuron, random} = args
  const live = data.networks[seed.value].live
  for (const [kind, rank] of [["neuron", Math.min(neuron.value, live)], ["random", Math.min(random.value, live)]]) {
    const drawn = tiles(data.images, levels, side, ranked_row(data, seed.value, kind, rank))
    panels[kind].ink.data = drawn.ink
    panels[kind].frames.data = drawn.frames
    panels[kind].header.text = header(data, seed.value, kind, rank)
  }
}
