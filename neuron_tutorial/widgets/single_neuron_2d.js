// single_neuron_2d: redraw one neuron A = w·F + b over the unit square.
// Mirrors single_neuron_2d.state() in Python (image(), clip(), describe()): the output as an
// image, its boundary clipped to the square, the weight vector as its normal, the input with
// its shortest way to the boundary. A tap or drag in the plot moves the input sliders.

// A tap or drag: move the input there (rounded to the sliders' step); the sliders redraw.
if (cb_obj.event_name !== undefined) {
  const clamp = (v) => Math.min(1, Math.max(0, Math.round(v * 100) / 100))
  if (Number.isFinite(cb_obj.x) && Number.isFinite(cb_obj.y)) {
    f1.value = clamp(cb_obj.x)
    f2.value = clamp(cb_obj.y)
  }
  return
}

const a1 = w1.value, a2 = w2.value, c = b.value, x = f1.value, y = f2.value

// single_neuron_2d.image: the output at each pixel's centre, row i at F2 = (i + ½) / pixels.
// The image must stay a (pixels, pixels) float32 ndarray, which CustomJS cannot make: refill
// the one Python sent and announce the change (reassigning the same array would be ignored).
const image = field.data.image[0]
for (let i = 0; i < pixels; i++) {
  for (let j = 0; j < pixels; j++) {
    image[i * pixels + j] = a1 * ((j + 0.5) / pixels) + a2 * ((i + 0.5) / pixels) + c
  }
}
field.change.emit()
mapper.palette = palettes[scheme()]

// single_neuron_2d.clip: where the boundary meets the square's edges, or null.
function clip() {
  const points = []
  for (const px of [0, 1]) {
    if (a2 !== 0) {
      const py = -(c + a1 * px) / a2
      if (py >= 0 && py <= 1) points.push([px, py])
    }
  }
  for (const py of [0, 1]) {
    if (a1 !== 0) {
      const px = -(c + a2 * py) / a1
      if (px >= 0 && px <= 1) points.push([px, py])
    }
  }
  let far = null, best = -1
  points.forEach((p, i) => points.slice(i + 1).forEach((q) => {
    const d = (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2
    if (d > best) { best = d; far = [p, q] }
  }))
  return far && best > 0 ? far : null
}

const segment = clip()
boundary.data = segment ? {x: [segment[0][0], segment[1][0]], y: [segment[0][1], segment[1][1]]}
  : {x: [], y: []}

const norm = Math.hypot(a1, a2)
const out = a1 * x + a2 * y + c
const foot = segment ? [0.5 * (segment[0][0] + segment[1][0]), 0.5 * (segment[0][1] + segment[1][1])]
  : [0.5, 0.5]
arrow.visible = tip.visible = norm > 0
if (norm > 0) {
  const end = [foot[0] + normal_length * a1 / norm, foot[1] + normal_length * a2 / norm]
  arrow.setv({x_start: foot[0], y_start: foot[1], x_end: end[0], y_end: end[1]})
  tip.setv({x: end[0], y: end[1]})
}
// The shortest way from the input to the boundary line: along −A w / ‖w‖².
reach.data = norm > 0 ? {x: [x, x - out * a1 / norm ** 2], y: [y, y - out * a2 / norm ** 2]}
  : {x: [], y: []}
point.data = {x: [x], y: [y], colour: [sign_colour(Math.sign(out), colours)]}

// single_neuron_2d.describe
const side = out > 0 ? "positive" : out < 0 ? "negative" : "zero"
const first = `F = (${fmt(x)}, ${fmt(y)}): A = w·F + b = ${fmt(a1)}·${fmt(x)} + ${fmt(a2)}·${fmt(y)}`
  + ` ${c < 0 ? "\u2212" : "+"} ${fmt(Math.abs(c))} = <b>${fmt(out)}</b> (${side})`
if (norm === 0) {
  readout.text = `${first}<br>w = 0: the neuron is constant, A = b everywhere. It has no boundary.`
} else {
  const where = segment ? "" : " The boundary misses the square."
  readout.text = `${first}<br>\u2016w\u2016 = ${fmt(norm)}, so the input is |A|/\u2016w\u2016 = `
    + `${fmt(Math.abs(out) / norm)} from the boundary.${where}`
}
