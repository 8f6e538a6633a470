// directions_relu: draw one direction's reading over the input square, on load and whenever a
// control moves. Mirrors floor 1: v as directions_relu.direction() picks it, the colour map as
// directions.direction_outputs, the high-output level as numpy's quantile of it on grid(pixels),
// and the zero set, flat regions and high-output region from direction_pieces (nt/directions.js).

import {fmt, plural} from "nt/format.js"
import {columns, far_segment, grid_points} from "nt/geometry.js"
import {above_polygons, direction_pieces, distinct_lines, flat_polygons, level_segments, total_area} from "nt/directions.js"
import {quantile} from "nt/thresholds.js"

const RAD = Math.PI / 180

// The reading v·act(W x + b) at (x, y).
function reading(W, b, v, relu, x, y) {
  let sum = 0
  for (let j = 0; j < v.length; j++) {
    const a = W[j][0] * x + W[j][1] * y + b[j]
    sum += v[j] * (relu ? Math.max(a, 0) : a)
  }
  return sum
}

// The direction v the controls pick, and its name for the readout.
function pick(a, count) {
  const kk = Math.min(a.k.value, count)
  const mode = a.mode.active
  if (mode === 1) return [a.table.randoms[String(count)][a.r.value - 1], `Random direction ${a.r.value}`]
  if (mode === 3) return [a.own.slice(0, count).map((box) => Number(box.value) || 0), "Your own direction"]
  const v = new Array(count).fill(0)
  if (mode === 0) {
    v[kk - 1] = 1
    return [v, `Neuron ${kk}`]
  }
  const angle = a.theta.value * RAD
  v[kk - 1] += Math.cos(angle)
  v[kk % count] += Math.sin(angle)
  return [v, `${fmt(Math.cos(angle))}\u00b7(neuron ${kk}) + ${fmt(Math.sin(angle))}\u00b7(neuron ${kk % count + 1})`]
}

export default (args, obj) => {
  const a = args
  // Typing a component means "this direction": switch to it (the switch redraws).
  if (a.own.includes(obj) && a.mode.active !== 3) {
    a.mode.active = 3
    return
  }
  const count = a.m.value
  const W = a.table.weights[a.seed.value].slice(0, count)
  const b = a.table.biases[a.seed.value].slice(0, count)
  const relu = a.relu.active === 1
  a.k.end = count
  a.own.forEach((box, j) => { box.disabled = j >= count })
  const [v, name] = pick(a, count)

  const level = quantile(grid_points(a.pixels).map(([x, y]) => reading(W, b, v, relu, x, y)), a.q)
  // The colour map: image rows from the bottom, pixel centres as grid_points places them.
  const size = a.image
  const values = new Float32Array(size * size)
  let limit = 0
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const value = reading(W, b, v, relu, (col + 0.5) / size, (row + 0.5) / size)
      values[row * size + col] = value
      limit = Math.max(limit, Math.abs(value))
    }
  }
  const {ndarray} = Bokeh.require("core/util/ndarray")
  a.sources.field.data = {image: [ndarray(values, {dtype: "float32", shape: [size, size]})]}
  a.mapper.setv({low: -(limit || 1), high: limit || 1})

  const pieces = direction_pieces(W, b, v, relu)
  const flat = flat_polygons(pieces)
  const high = above_polygons(pieces, level)
  const zero = level_segments(pieces)
  const as_patches = (polys) => {
    const [xs, ys] = columns(polys.map(columns))
    return {xs, ys}
  }
  a.sources.flat.data = as_patches(flat)
  a.sources.high.data = as_patches(high)
  a.sources.zero.data = {xs: zero.map(([p, q]) => [p[0], q[0]]), ys: zero.map(([p, q]) => [p[1], q[1]])}
  const bounds = W.map((w, j) => far_segment(w, b[j]))
  a.sources.bounds.data = {xs: bounds.map((x) => x[0]), ys: bounds.map((x) => x[1])}

  // One fact a line, so the readout wraps the same way for every setting (the panel's height,
  // and with it the figure's, stays put while a slider moves).
  const lines = distinct_lines(pieces)
  const shape = lines === 0 ? "none inside the square" : lines === 1 ? "one straight line"
    : `a bent line of ${plural(lines, "straight piece")}`
  const share = flat.length ? `${(100 * total_area(flat)).toFixed(0)}% of the square` : "nowhere"
  a.readout.text = [`<b>${name}</b>, ${relu ? "after ReLU" : "no ReLU"}`,
    `v = (${v.map((x) => fmt(x)).join(", ")})`, `Zero set: ${shape}.`, `Exactly 0: ${share}.`,
    `High output: above ${fmt(level)} (95% quantile).`].join("<br>")
}
