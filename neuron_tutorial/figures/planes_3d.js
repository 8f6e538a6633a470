// planes_3d: the layer's planes A = w·F + b over the input square, projected in the browser.
// Mirrors planes_3d.state() in Python: pieces() (each plane cut by partition_2d along its
// zero line and along the lines where it meets the other planes; the floor cut by every
// boundary line), project(), and furniture() for the axes, labels and the read-out.
// An ES module, compiled once: `memo` keeps the pieces of the current layer, so turning the
// view only projects and sorts them again, and the angles where a drag started.

import {fmt, scheme, sign_colour, signed} from "nt/format.js"
import {clip_line} from "nt/geometry.js"
import {mark_drawn} from "nt/interact.js"
import {output_range, partition_2d} from "nt/partition.js"

const memo = {key: null, layer: null, scene: null, z_max: 1, start: null}

export default (args, obj) => {
  if (obj.event_name === "panstart") {
    memo.start = [args.azimuth.value, args.elevation.value]
    return
  }
  if (obj.event_name === "pan") return turn(args, obj)
  if (obj === args.plot) {
    fit(args)
    mark_drawn()
    return
  }
  if (memo.key !== `${args.seed.value}/${args.m.value}`) load(args)
  draw(args)
}

// Dragging turns the scene like an object in the hand: right turns it anticlockwise seen
// from above, down tilts its top towards the reader. Pan deltas count from the drag's start.
function turn(a, event) {
  const start = memo.start ?? [a.azimuth.value, a.elevation.value]
  const azimuth = ((Math.round(start[0] + 0.5 * event.delta_x) + 540) % 360) - 180
  a.azimuth.value = azimuth
  a.elevation.value = Math.min(90, Math.max(0, Math.round(start[1] + 0.5 * event.delta_y)))
}

// Keep one unit as long across as up: the ranges follow the plot's shape.
function fit(a) {
  const {inner_width: width, inner_height: height} = a.plot
  if (!(width > 0 && height > 0)) return
  const aspect = width / height
  const [half_x, half_y] = aspect >= 1 ? [a.radius * aspect, a.radius] : [a.radius, a.radius / aspect]
  a.plot.x_range.setv({start: -half_x, end: half_x})
  a.plot.y_range.setv({start: -half_y, end: half_y})
}

// The seed's first m neurons, the height of its box (z_extent) and the pieces of the scene.
function load(a) {
  const s = a.seed.value, m = a.m.value
  const W = a.table.weights[s], B = a.table.biases[s]
  memo.key = `${s}/${m}`
  memo.layer = {m, w1: W.slice(0, m).map((w) => w[0]), w2: W.slice(0, m).map((w) => w[1]),
    b: B.slice(0, m)}
  const [lo, hi] = output_range(W.map((w) => w[0]), W.map((w) => w[1]), B)
  memo.z_max = Math.max(-lo, hi)
  memo.scene = pieces(memo.layer)
  const options = [["0", "no neuron"], ...memo.layer.b.map((_, k) => [String(k + 1), `Neuron ${k + 1}`])]
  if (a.highlight.options.length !== options.length) a.highlight.options = options
  if (Number(a.highlight.value) > m) a.highlight.value = "0"
}

// planes_3d.pieces: plane k cut by its zero line and by every line (w_k - w_j)·F + b_k - b_j
// = 0 where it meets plane j; then the floor, cut by every boundary line.
function pieces(L) {
  const scene = []
  for (let k = 0; k < L.m; k++) {
    const w1 = [L.w1[k]], w2 = [L.w2[k]], b = [L.b[k]]
    for (let j = 0; j < L.m; j++) {
      if (j !== k) w1.push(L.w1[k] - L.w1[j]), w2.push(L.w2[k] - L.w2[j]), b.push(L.b[k] - L.b[j])
    }
    const part = partition_2d(w1, w2, b)
    part.xs.forEach((x, i) => {
      const y = part.ys[i]
      const z = x.map((xc, c) => L.w1[k] * xc + L.w2[k] * y[c] + L.b[k])
      scene.push({x, y, z, neuron: k, signs: part.signs[i]})
    })
  }
  const floor = partition_2d(L.w1, L.w2, L.b)
  floor.xs.forEach((x, i) => scene.push({x, y: floor.ys[i], z: x.map(() => 0), neuron: -1,
    signs: floor.signs[i]}))
  return scene
}

// planes_3d.project: centre the square, scale A so ±z_max spans ±height, turn by the
// azimuth about the vertical, look down by the elevation. Depth grows away from the reader.
function project(x, y, z, a) {
  const theta = a.azimuth.value * (Math.PI / 180), phi = a.elevation.value * (Math.PI / 180)
  const [ct, st, cp, sp] = [Math.cos(theta), Math.sin(theta), Math.cos(phi), Math.sin(phi)]
  const sx = [], sy = [], depth = []
  for (let i = 0; i < x.length; i++) {
    const xc = x[i] - 0.5, yc = y[i] - 0.5, zc = z[i] * a.height / memo.z_max
    const v = xc * st + yc * ct
    sx.push(xc * ct - yc * st)
    sy.push(zc * cp + v * sp)
    depth.push(v * cp - zc * sp)
  }
  return [sx, sy, depth]
}

function draw(a) {
  const theme = a.themes[scheme()], planes = a.show.active === 0
  const h = Number(a.highlight.value) - 1
  const items = []
  for (const piece of memo.scene) {
    const k = piece.neuron
    if (k >= 0 && !planes) continue
    const [sx, sy, depth] = project(piece.x, piece.y, piece.z, a)
    let fill, look
    if (k < 0) {
      const sign = h >= 0 ? piece.signs[h] : null
      fill = sign === null ? theme.muted : sign_colour(sign, a.colours)
      look = [theme.muted, sign === null ? 0.12 : 0.35, 0.9, 1.0]
    } else {
      const fade = h < 0 ? "plain" : k === h ? "highlighted" : "faded"
      fill = sign_colour(piece.signs[0], a.colours)
      look = [fill, ...a.alpha[fade], fade === "highlighted" ? 2.0 : 1.0]
    }
    items.push([sx, sy, fill, ...look, depth.reduce((s, d) => s + d, 0) / depth.length])
  }
  // Back to front: the farthest piece first, so nearer ones are painted over it.
  items.sort((p, q) => q[7] - p[7])
  const keys = ["xs", "ys", "fill", "line", "fill_alpha", "line_alpha", "line_width", "depth"]
  const data = {}
  keys.forEach((key, i) => { data[key] = items.map((item) => item[i]) })
  a.patches.data = data
  furniture(a, h)
}

// planes_3d.furniture: the A axis, axis labels and ticks, each boundary's number and the
// highlighted boundary, and every neuron's formula.
function furniture(a, h) {
  const z = memo.z_max, L = memo.layer
  const axis = project([0, 0], [0, 0], [-z, z], a)
  a.axes.data = {xs: [axis[0]], ys: [axis[1]]}
  const step = z >= 1 ? 0.5 : 0.1
  const top = Math.max(step, Math.floor(z / step) * step)
  const tick = String(Number(top.toPrecision(6)))
  const spots = [[0.5, -0.14, 0, "F1"], [-0.14, 0.5, 0, "F2"], [0, 0, z * 1.14, "A"],
    [1, -0.07, 0, "1"], [-0.07, 1, 0, "1"], [-0.05, -0.05, 0, "0"],
    [-0.05, -0.05, top, tick], [-0.05, -0.05, -top, `\u2212${tick}`]]
  const [lx, ly] = project(spots.map((p) => p[0]), spots.map((p) => p[1]), spots.map((p) => p[2]), a)
  a.labels.data = {x: lx, y: ly, text: spots.map((p) => p[3])}
  const numbers = {x: [], y: [], text: []}
  let zero_line = {xs: [], ys: []}
  for (let k = 0; k < L.m; k++) {
    const ends = clip_line(L.w1[k], L.w2[k], L.b[k])
    if (ends === null) continue
    const [nx, ny] = project(ends[0], ends[1], [0, 0], a)
    const end = nx[1] > nx[0] ? 1 : 0
    numbers.x.push(nx[end]), numbers.y.push(ny[end]), numbers.text.push(String(k + 1))
    if (k === h) zero_line = {xs: [nx], ys: [ny]}
  }
  a.numbers.data = numbers
  a.zero_line.data = zero_line
  a.readout.text = L.b.map((b, k) => {
    const text = `Neuron ${k + 1}: A = ${fmt(L.w1[k])}\u00b7F1 ${signed(L.w2[k])}\u00b7F2 ${signed(b)}`
    return k === h ? `<b>${text}</b>` : text
  }).join("<br>")
}
