// directions_linear: draw both spaces from the seed table for the controls' setting.
// Mirrors floor 1: the direction's neuron (Wᵀv, v·b) of directions.direction_neuron, the
// rotated layer (QW, Qb) of directions.rotated with Q = directions_linear.basis(φ), and
// v = directions_linear.direction(θ, ψ). Three neurons make activation space 3-D: it is drawn
// in an oblique view, A₁ and A₂ as they are and A₃ slanting along a diagonal at half its
// length; of the four diagonals, the one that flattens the seed's outputs least.

import {fmt, sign_role, signed} from "nt/format.js"
import {clip_polygon, far_segment, grid_points} from "nt/geometry.js"
import {is_pointer} from "nt/interact.js"

const SLANTS = [[-0.35, -0.35, "down-left"], [0.35, -0.35, "down-right"], [-0.35, 0.35, "up-left"],
  [0.35, 0.35, "up-right"]]
const SQUARE = [[0, 0], [1, 0], [1, 1], [0, 1]]
const RAD = Math.PI / 180
const dot = (a, b) => a.reduce((sum, x, i) => sum + x * b[i], 0)

// The diagonal whose view of the plane of outputs {W F + b} is the least flat: the largest
// |det| / ‖·‖² of the drawn 2 × 2 matrix (the ratio of its singular values grows with it).
function best_slant(W) {
  const score = ([sx, sy]) => {
    const M = [0, 1].map((j) => [W[0][j] + sx * W[2][j], W[1][j] + sy * W[2][j]])
    const det = M[0][0] * M[1][1] - M[0][1] * M[1][0]
    return Math.abs(det) / (M.flat().reduce((s, x) => s + x * x, 0) || 1)
  }
  return SLANTS.reduce((best, slant) => score(slant) > score(best) ? slant : best)
}
const subscript = (k) => "\u2080\u2081\u2082\u2083"[k]

export default (args, obj) => {
  const {table, sources, readout, grid_size, arrows, v_arrow, v_label, space} = args
  // A tap or drag in activation space: point v there (whole degrees); the slider redraws. In the
  // oblique view the plot's plane is the (A₁, A₂) plane, so the angle reads the same.
  if (is_pointer(obj)) {
    if (Number.isFinite(obj.x) && Number.isFinite(obj.y) && (obj.x !== 0 || obj.y !== 0)) {
      args.theta.value = Math.round(Math.atan2(obj.y, obj.x) / RAD + 360) % 360
    }
    return
  }
  const m = args.neurons.active === 1 ? 3 : 2
  const W = table.weights[args.seed.value].slice(0, m)
  const b = table.biases[args.seed.value].slice(0, m)
  const t = args.theta.value * RAD, p = m === 3 ? args.psi.value * RAD : 0, f = args.phi.value * RAD
  const v = [Math.cos(t) * Math.cos(p), Math.sin(t) * Math.cos(p), Math.sin(p)].slice(0, m)
  // basis(φ): the first two axes turned by φ, one new neuron per row.
  const q = [[Math.cos(f), Math.sin(f), 0], [-Math.sin(f), Math.cos(f), 0], [0, 0, 1]]
    .slice(0, m).map((row) => row.slice(0, m))
  const column = (k) => W.map((row) => row[k])
  const turned_w = q.map((row) => [dot(row, column(0)), dot(row, column(1))])
  const turned_b = q.map((row) => dot(row, b))
  const w = [dot(v, column(0)), dot(v, column(1))]    // Wᵀv
  const c = dot(v, b)                                 // v·b

  const inputs = grid_points(grid_size)
  const outputs = inputs.map(([x, y]) => W.map((row, k) => row[0] * x + row[1] * y + b[k]))
  const role = outputs.map((a) => sign_role(Math.sign(dot(v, a))))
  const slant = m === 3 ? best_slant(W) : null
  const project = (a) => a.length === 2 ? a : [a[0] + slant[0] * a[2], a[1] + slant[1] * a[2]]
  const drawn = outputs.map(project)
  const reach = 1.1 * Math.max(...drawn.map(([x, y]) => Math.max(Math.abs(x), Math.abs(y))))
  const length = 0.6 * reach

  space.x_range.setv({start: -reach, end: reach})
  space.y_range.setv({start: -reach, end: reach})
  sources.cloud.data = {x: drawn.map((a) => a[0]), y: drawn.map((a) => a[1]), role}
  sources.inputs.data = {x: inputs.map((a) => a[0]), y: inputs.map((a) => a[1]), role}
  for (let k = 0; k < 3; k++) {
    const [x, y] = k < m ? project(q[k].map((z) => length * z)) : [0, 0]
    arrows[2 * k].setv({x_end: x, y_end: y, visible: k < m})
    arrows[2 * k + 1].setv({x, y, visible: k < m})
  }
  const [vx, vy] = project(v.map((z) => length * z))
  const tip = Math.hypot(vx, vy) || 1
  v_arrow.setv({x_end: vx, y_end: vy})
  // The label sits beyond the tip, where no arrow is: 12 px further along v.
  v_label.setv({x: vx, y: vy, x_offset: 12 * vx / tip, y_offset: 12 * vy / tip})

  // Outputs with v·A = 0: the image of v's boundary, a line through A = 0 when there is one.
  const [lx, ly] = far_segment(w, c)
  const ends = [0, 1].map((i) => project(W.map((row, k) => row[0] * lx[i] + row[1] * ly[i] + b[k])))
  const d = [ends[1][0] - ends[0][0], ends[1][1] - ends[0][1]]
  const norm = Math.hypot(...d)
  const far = Math.hypot(...ends[0]) + 3 * reach
  sources.perp.data = norm > 0 && Number.isFinite(norm)
    ? {x: [-1, 1].map((s) => ends[0][0] + s * far * d[0] / norm),
       y: [-1, 1].map((s) => ends[0][1] + s * far * d[1] / norm)}
    : {x: [], y: []}
  const bounds = turned_w.map((wk, k) => far_segment(wk, turned_b[k]))
  sources.bounds.data = {xs: bounds.map((s) => s[0]), ys: bounds.map((s) => s[1])}
  sources.vbound.data = {x: lx, y: ly}
  const side = clip_polygon(SQUARE, w, c)
  sources.side.data = side.length >= 3 ? {xs: [side.map((a) => a[0])], ys: [side.map((a) => a[1])]}
    : {xs: [], ys: []}
  // A = 0 at one input when the two neurons' weights are independent; three neurons miss it.
  const det = W[0][0] * W[1][1] - W[0][1] * W[1][0]
  sources.pivot.data = m === 2 && Math.abs(det) > 1e-12
    ? {x: [(-b[0] * W[1][1] + b[1] * W[0][1]) / det], y: [(-b[1] * W[0][0] + b[0] * W[1][0]) / det]}
    : {x: [], y: []}

  const in_rotated = q.map((row) => dot(row, v))
  const vector = (x) => `(${x.map((z) => fmt(z)).join(", ")})`
  const meeting = m === 2 ? "Every direction's boundary passes through the ringed input, where A = 0."
    : "No input gives A = 0 here, so the directions' boundaries need not share a point."
  readout.text = `v = ${vector(v)}, or ${vector(in_rotated)} in the rotated basis. ` +
    `It reads v\u00b7A = ${fmt(w[0])}\u00b7F${subscript(1)} ${signed(w[1])}\u00b7F${subscript(2)} ` +
    `${signed(c)}: a neuron with weights W\u1d40v and bias v\u00b7b. ${meeting}`
  const axis = m === 2 ? "" : `; A\u2083 slants ${slant[2]}`
  args.space_axis.axis_label = `A\u2081 (neuron 1 before rotating)${axis}`
}
