// directions_relu: recompute one direction's reading when a control moves.
// Mirrors directions_relu.state() in Python: v from direction(), the colour map from
// directions.direction_outputs on grid(pixels), the 95% quantile, and the zero set, flat
// regions and high-output region from direction_pieces (piecewise.js).

import {fmt, scheme} from "nt/format.js"
import {columns, far_segment, grid_points} from "nt/geometry.js"
import {above_polygons, direction_pieces, distinct_lines, flat_polygons, level_segments, total_area} from "nt/directions.js"
import {quantile} from "nt/thresholds.js"

export default (args, cb_obj) => {
  const {table, sources, mapper, readout, mode, relu, k, r, theta, m, seed, palettes, pixels, q} = args
  const count = m.value
  const s = seed.value
  const W = table.weights[s].slice(0, count)
  const b = table.biases[s].slice(0, count)
  const kk = Math.min(k.value, count)
  const use_relu = relu.active === 1

  let v = new Array(count).fill(0)
  if (mode.active === 1) {
    v = table.randoms[String(count)][r.value - 1]
  } else if (mode.active === 0) {
    v[kk - 1] = 1
  } else {
    const angle = theta.value * Math.PI / 180
    v[kk - 1] += Math.cos(angle)
    v[kk % count] += Math.sin(angle)
  }
  k.end = count

  const points = grid_points(pixels)
  const values = points.map(([x, y]) => W.reduce((sum, w, j) => {
    const a = w[0] * x + w[1] * y + b[j]
    return sum + v[j] * (use_relu ? Math.max(a, 0) : a)
  }, 0))
  const level = quantile(values, q)
  const pieces = direction_pieces(W, b, v, use_relu)
  const flat = flat_polygons(pieces)
  const high = above_polygons(pieces, level)
  const zero = level_segments(pieces)
  const limit = Math.max(...values.map(Math.abs)) || 1

  // The image must stay the (pixels, pixels) float32 ndarray Python sent (BokehJS refuses nested
  // arrays there): refill it in place and announce the change.
  const image = sources.field.data.image[0]
  values.forEach((value, i) => { image[i] = value })
  sources.field.change.emit()
  mapper.setv({palette: palettes[scheme()], low: -limit, high: limit})
  const as_patches = (polys) => {
    const [xs, ys] = columns(polys.map(columns))
    return {xs, ys}
  }
  sources.flat.data = as_patches(flat)
  sources.high.data = as_patches(high)
  sources.zero.data = {xs: zero.map(([p, q2]) => [p[0], q2[0]]), ys: zero.map(([p, q2]) => [p[1], q2[1]])}
  const bounds = W.map((w, j) => far_segment(w, b[j]))
  sources.bounds.data = {xs: bounds.map((x) => x[0]), ys: bounds.map((x) => x[1])}

  const lines = distinct_lines(pieces)
  const flat_share = total_area(flat)
  const name = mode.active === 0 ? `Neuron ${kk}` : mode.active === 1 ? `Random direction ${r.value}`
    : `${fmt(Math.cos(theta.value * Math.PI / 180))}\u00b7(neuron ${kk}) + ` +
      `${fmt(Math.sin(theta.value * Math.PI / 180))}\u00b7(neuron ${kk % count + 1})`
  const shape = lines === 1 ? "one straight line" : `a bent line of ${lines} straight pieces`
  readout.text = `<b>${name}</b>, v = (${v.map((x) => fmt(x)).join(", ")}), ${use_relu ? "after ReLU" : "no ReLU"}. ` +
    `Zero set: ${shape}` +
    (flat.length ? `, and the output is exactly 0 on ${(100 * flat_share).toFixed(0)}% of the square` : "") +
    `. High output: above ${fmt(level)}, its 95% quantile.`
}
