// single_neuron_1d: redraw one neuron A = w·F + b when w, b or the input moves.
// Mirrors single_neuron_1d.state() in Python (pieces(), describe()): the line cut at its
// boundary x* = −b/w into a negative and a positive piece, an arrow from x* towards the
// side where A > 0, and the read-out with the output and the distance |A|/|w|.

import {fmt, sign_colour} from "nt/format.js"

export default (args, cb_obj) => {
  const {w, b, x, line, area, boundary, point, arrow, tag, side, live_span, readout, colours, arrow_length} = args
  const lo = 0, hi = 1
  const wv = w.value, bv = b.value, xv = x.value

  // single_neuron_1d.pieces: [start, end, sign of A] for each side of the boundary.
  function pieces() {
    if (wv === 0) return [[lo, hi, Math.sign(bv)]]
    const root = -bv / wv
    if (lo < root && root < hi) return [[lo, root, -Math.sign(wv)], [root, hi, Math.sign(wv)]]
    return [[lo, hi, Math.sign(wv * (0.5 * (lo + hi) - root))]]
  }

  // single_neuron_1d.describe: the output at the input, the boundary and how far it is.
  function describe() {
    const a = wv * xv + bv
    const side = a > 0 ? "positive" : a < 0 ? "negative" : "zero"
    const first = `A = w·F + b = ${fmt(wv)}·${fmt(xv)} ${bv < 0 ? "\u2212" : "+"} ${fmt(Math.abs(bv))}`
      + ` = <b>${fmt(a)}</b> (${side})`
    if (wv === 0) {
      return `${first}<br>w = 0: the neuron is constant, A = b everywhere. It has no boundary.`
    }
    const root = -bv / wv
    const trend = wv > 0 ? "increasing" : "decreasing"
    const where = wv > 0 ? "F > x*" : "F < x*"
    const outside = lo < root && root < hi ? "" : ", outside [0, 1]"
    return `${first}<br>Boundary x* = \u2212b/w = ${fmt(root)}${outside}; ${trend}, so A > 0 where `
      + `${where}. The input is |A|/|w| = ${fmt(Math.abs(a) / Math.abs(wv))} away from it.`
  }

  const cut = pieces()
  const colour = cut.map(([, , sign]) => sign_colour(sign, colours))
  line.data = {
    xs: cut.map(([s, e]) => [s, e]),
    ys: cut.map(([s, e]) => [wv * s + bv, wv * e + bv]),
    flat: cut.map(() => [0, 0]),
    colour,
  }
  area.data = {
    xs: cut.map(([s, e]) => [s, s, e, e]),
    ys: cut.map(([s, e]) => [0, wv * s + bv, wv * e + bv, 0]),
    colour,
  }

  const inside = cut.length === 2
  const root = inside ? -bv / wv : NaN
  boundary.data = {x: inside ? [root] : [], y: inside ? [0] : []}
  arrow.visible = tag.visible = side.visible = inside
  if (inside) {
    const right = wv > 0
    const tip = root + arrow_length * Math.sign(wv)
    arrow.setv({x_start: root, x_end: tip})
    tag.setv({x: root, x_offset: right ? -6 : 6, text_align: right ? "right" : "left"})
    side.setv({x: tip, x_offset: right ? 6 : -6, text_align: right ? "left" : "right"})
  }

  const a = wv * xv + bv
  point.data = {x: [xv], y: [a], colour: [sign_colour(Math.sign(a), colours)]}
  live_span.location = xv
  readout.text = describe()
}
