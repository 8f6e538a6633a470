// single_neuron_2d: draw one neuron A = w·F + b over the unit square, on load and on change:
// the output as exact level bands (nt/bands.js), the boundary clipped to the square (clip_line,
// the mirror of arrangement.clip), the weight vector as its normal, the input with its
// shortest way to the boundary. A tap or drag in the plot moves the input sliders.

import {level_bands} from "nt/bands.js"
import {fmt, sign_role, signed} from "nt/format.js"
import {clip_line} from "nt/geometry.js"
import {follow_pointer, set_text} from "nt/interact.js"

export default (args, obj, data, context) => {
  const {w1, w2, b, f1, f2, bands, boundary, reach, point, arrow, tip, readout, plot, normal_length, limit, shades} = args
  // A tap or drag: move the input there (rounded to the sliders' step); the sliders redraw.
  if (follow_pointer(obj, f1, f2, {step: 0.01})) return
  fit(plot)
  if (obj === plot) return

  const a1 = w1.value, a2 = w2.value, c = b.value, x = f1.value, y = f2.value
  bands.data = level_bands(a1, a2, c, -limit, limit, shades)

  const ends = clip_line(a1, a2, c)
  boundary.data = ends ? {x: ends[0], y: ends[1]} : {x: [], y: []}
  const norm = Math.hypot(a1, a2)
  const out = a1 * x + a2 * y + c
  const foot = ends ? [0.5 * (ends[0][0] + ends[0][1]), 0.5 * (ends[1][0] + ends[1][1])] : [0.5, 0.5]
  arrow.visible = tip.visible = norm > 0
  if (norm > 0) {
    const end = [foot[0] + normal_length * a1 / norm, foot[1] + normal_length * a2 / norm]
    arrow.setv({x_start: foot[0], y_start: foot[1], x_end: end[0], y_end: end[1]})
    tip.setv({x: end[0], y: end[1]})
  }
  // The shortest way from the input to the boundary line: along −A w / ‖w‖².
  reach.data = norm > 0 ? {x: [x, x - out * a1 / norm ** 2], y: [y, y - out * a2 / norm ** 2]}
    : {x: [], y: []}
  point.data = {x: [x], y: [y], role: [sign_role(Math.sign(out))]}

  const first = `F = (${fmt(x)}, ${fmt(y)}): A = w·F + b = ${fmt(a1)}·${fmt(x)} ${signed(a2)}·${fmt(y)}`
    + ` ${signed(c)} = <b>${fmt(out)}</b> (${sign_role(Math.sign(out))})`
  const second = norm === 0 ? "w = 0: the neuron is constant, A = b everywhere. It has no boundary."
    : `\u2016w\u2016 = ${fmt(norm)}, so the input is |A|/\u2016w\u2016 = ${fmt(Math.abs(out) / norm)} `
      + `from the boundary.${ends ? "" : " The boundary misses the square."}`
  set_text(readout, `${first}<br>${second}`, context)
}

// The frame is the unit square at every width: its height follows its width (a resize
// changes it, never a drag), so no empty strip pads either axis.
function fit(plot) {
  const side = Math.round(plot.inner_width)
  if (side > 0 && plot.frame_height !== side) plot.frame_height = side
}
