// single_neuron_1d: draw one neuron A = w·F + b, on load and when w, b or the input moves.
// The line is cut where partition_1d (nt/partition.js, the mirror of
// neuron_tutorial.partition_1d) cuts the interval: a negative and a positive piece on either
// side of x* = −b/w, or one piece. An arrow goes from x* towards the side where A > 0; the
// read-out gives the output, the boundary and the distance |A|/|w|.

import {fmt, signed, sign_role} from "nt/format.js"
import {set_text} from "nt/interact.js"
import {partition_1d} from "nt/partition.js"

export default (args, obj, data, context) => {
  const {w, b, x, line, area, boundary, point, arrow, tag, side, live_span, readout, interval, arrow_length} = args
  const [lo, hi] = interval
  const wv = w.value, bv = b.value, xv = x.value
  const part = partition_1d([wv], [bv], lo, hi)
  const cut = part.regions.map(({lo: s, hi: e, signs}) => [s, e, sign_role(signs[0])])
  const at = (f) => wv * f + bv
  line.data = {
    xs: cut.map(([s, e]) => [s, e]),
    ys: cut.map(([s, e]) => [at(s), at(e)]),
    flat: cut.map(() => [0, 0]),
    role: cut.map(([, , role]) => role),
  }
  area.data = {
    xs: cut.map(([s, e]) => [s, s, e, e]),
    ys: cut.map(([s, e]) => [0, at(s), at(e), 0]),
    role: cut.map(([, , role]) => role),
  }

  const inside = part.breakpoints.length === 1
  const root = inside ? part.breakpoints[0] : NaN
  boundary.data = {x: inside ? [root] : [], y: inside ? [0] : []}
  arrow.visible = tag.visible = side.visible = inside
  if (inside) {
    const right = wv > 0
    const tip = root + arrow_length * Math.sign(wv)
    arrow.setv({x_start: root, x_end: tip})
    tag.setv({x: root, x_offset: right ? -6 : 6, text_align: right ? "right" : "left"})
    side.setv({x: tip, x_offset: right ? 6 : -6, text_align: right ? "left" : "right"})
  }

  const a = at(xv)
  point.data = {x: [xv], y: [a], role: [sign_role(Math.sign(a))]}
  live_span.location = xv
  set_text(readout, describe(wv, bv, xv, a, lo, hi), context)
}

// The output at the input, the boundary, which side is positive, and how far the input is.
function describe(w, b, x, a, lo, hi) {
  const first = `A = w·F + b = ${fmt(w)}·${fmt(x)} ${signed(b)} = <b>${fmt(a)}</b> (${sign_role(Math.sign(a))})`
  if (w === 0) return `${first}<br>w = 0: the neuron is constant, A = b everywhere. It has no boundary.`
  const root = -b / w
  const outside = lo < root && root < hi ? "" : ", outside [0, 1]"
  return `${first}<br>Boundary x* = \u2212b/w = ${fmt(root)}${outside}; ${w > 0 ? "increasing" : "decreasing"}, `
    + `so A > 0 where ${w > 0 ? "F > x*" : "F < x*"}. The input is |A|/|w| = ${fmt(Math.abs(a) / Math.abs(w))} away from it.`
}
