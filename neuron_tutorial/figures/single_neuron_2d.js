// single_neuron_2d: redraw one neuron A = w·F + b over the unit square.
// Mirrors single_neuron_2d.state() in Python (image(), clip(), describe()): the output as an
// image, its boundary clipped to the square, the weight vector as its normal, the input with
// its shortest way to the boundary. A tap or drag in the plot moves the input sliders.

import {fmt, scheme, sign_colour} from "nt/format.js"
import {clip_line} from "nt/geometry.js"
import {follow_pointer} from "nt/interact.js"

export default (args, cb_obj) => {
  const {w1, w2, b, f1, f2, field, boundary, reach, point, arrow, tip, readout, colours, pixels, normal_length, mapper, palettes} = args
  // A tap or drag: move the input there (rounded to the sliders' step); the sliders redraw.
  if (follow_pointer(cb_obj, f1, f2, {step: 0.01})) return

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

  // The boundary inside the square, as its two ends [[x, y], [x, y]], or null.
  const ends = clip_line(a1, a2, c)
  const segment = ends && [[ends[0][0], ends[1][0]], [ends[0][1], ends[1][1]]]
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
}
