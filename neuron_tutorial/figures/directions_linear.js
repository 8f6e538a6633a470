// directions_linear: turn the direction v, or the whole basis, and redraw both spaces.
// Mirrors directions_linear.state() in Python: the direction's neuron (Wᵀv, v·b) of
// directions.direction_neuron, the rotated layer (QW, Qb) with Q = basis(φ), grid(), and
// far_segment() / clip_polygon() from piecewise.js.

import {fmt, sign_colour, signed} from "nt/format.js"
import {clip_polygon, far_segment, grid_points} from "nt/geometry.js"

export default (args, cb_obj) => {
  const {table, sources, theta, phi, seed, readout, colours, grid_size, arrows, v_arrow, v_label, space} = args
  // A tap or drag in activation space: point v there (whole degrees); the slider redraws.
  if (cb_obj.event_name !== undefined) {
    if (Number.isFinite(cb_obj.x) && Number.isFinite(cb_obj.y) && (cb_obj.x !== 0 || cb_obj.y !== 0)) {
      theta.value = Math.round(Math.atan2(cb_obj.y, cb_obj.x) * 180 / Math.PI + 360) % 360
    }
    return
  }

  const W = table.weights[seed.value]
  const b = table.biases[seed.value]
  const t = theta.value * Math.PI / 180
  const f = phi.value * Math.PI / 180
  const v = [Math.cos(t), Math.sin(t)]
  const q = [[Math.cos(f), Math.sin(f)], [-Math.sin(f), Math.cos(f)]]   // basis(φ): one row per neuron
  const turned_w = q.map((row) => [0, 1].map((i) => row[0] * W[0][i] + row[1] * W[1][i]))
  const turned_b = q.map((row) => row[0] * b[0] + row[1] * b[1])
  const w = [0, 1].map((i) => v[0] * W[0][i] + v[1] * W[1][i])    // Wᵀv
  const c = v[0] * b[0] + v[1] * b[1]                              // v·b

  const inputs = grid_points(grid_size)
  const outputs = inputs.map(([x, y]) => W.map((row, k) => row[0] * x + row[1] * y + b[k]))
  const colour = outputs.map((a) => sign_colour(Math.sign(v[0] * a[0] + v[1] * a[1]), colours))
  const reach = 1.1 * Math.max(...outputs.map((a) => Math.max(Math.abs(a[0]), Math.abs(a[1]))))
  const length = 0.6 * reach

  space.x_range.setv({start: -reach, end: reach})
  space.y_range.setv({start: -reach, end: reach})
  sources.cloud.data = {x: outputs.map((a) => a[0]), y: outputs.map((a) => a[1]), colour}
  sources.inputs.data = {x: inputs.map((p) => p[0]), y: inputs.map((p) => p[1]), colour}
  q.forEach((row, k) => {
    arrows[2 * k].setv({x_end: length * row[0], y_end: length * row[1]})
    arrows[2 * k + 1].setv({x: length * row[0], y: length * row[1]})
  })
  v_arrow.setv({x_end: length * v[0], y_end: length * v[1]})
  v_label.setv({x: length * v[0], y: length * v[1]})
  sources.perp.data = {x: [-2 * reach * v[1], 2 * reach * v[1]], y: [2 * reach * v[0], -2 * reach * v[0]]}
  const bounds = turned_w.map((wk, k) => far_segment(wk, turned_b[k]))
  sources.bounds.data = {xs: bounds.map((s) => s[0]), ys: bounds.map((s) => s[1])}
  const [vx, vy] = far_segment(w, c)
  sources.vbound.data = {x: vx, y: vy}
  const det = W[0][0] * W[1][1] - W[0][1] * W[1][0]
  sources.pivot.data = Math.abs(det) > 1e-12
    ? {x: [(-b[0] * W[1][1] + b[1] * W[0][1]) / det], y: [(-b[1] * W[0][0] + b[0] * W[1][0]) / det]}
    : {x: [], y: []}
  const side = clip_polygon([[0, 0], [1, 0], [1, 1], [0, 1]], w, c)
  sources.side.data = side.length >= 3 ? {xs: [side.map((p) => p[0])], ys: [side.map((p) => p[1])]}
    : {xs: [], ys: []}

  const in_rotated = q.map((row) => row[0] * v[0] + row[1] * v[1])
  readout.text = `v = (${fmt(v[0])}, ${fmt(v[1])}), or (${fmt(in_rotated[0])}, ${fmt(in_rotated[1])}) in the ` +
    `rotated basis. It reads v\u00b7A = ${fmt(w[0])}\u00b7F\u2081 ${signed(w[1])}\u00b7F\u2082 ${signed(c)}: ` +
    `a neuron with weights W\u1d40v and bias v\u00b7b.`
}
