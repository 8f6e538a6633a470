// planes_3d: the layer's planes A = w·F + b over the input square, drawn in the browser.
// plane_pieces (nt/partition.js) cuts each plane where it crosses the floor or another plane;
// every frame projects the pieces (nt/geometry.js project_view) and paints them back to front.
// One neuron is highlighted in its sign colours, the others are faint grey; labels are
// placed in pixels so that none collides with another or leaves the frame (nt/labels.js).
// An ES module, compiled once: `memo` keeps the pieces of the current layer, so turning the
// view only projects and sorts them again, and the angles where a drag started.

import {fmt, sign_role, signed} from "nt/format.js"
import {clip_line, project_view} from "nt/geometry.js"
import {is_pointer} from "nt/interact.js"
import {candidates_near, place_labels, text_width} from "nt/labels.js"
import {output_range, plane_pieces} from "nt/partition.js"

const PAD = 30  // pixels kept free around the scene for its labels
const R = Math.SQRT1_2  // the square's corners turn on this circle
const memo = {key: null, layer: null, scene: null, z_max: 1, start: null, scale: 1}

export default (args, obj) => {
  if (is_pointer(obj)) return turn(args, obj)
  if (memo.key !== `${args.seed.value}/${args.m.value}`) load(args)
  fit(args)
  draw(args)
}

// Dragging turns the scene like an object in the hand: right turns it anticlockwise seen
// from above, down tilts its top towards the reader. Pan deltas count from the drag's start.
function turn(a, event) {
  if (event.event_name === "panstart") {
    memo.start = [a.azimuth.value, a.elevation.value]
    return
  }
  const start = memo.start ?? [a.azimuth.value, a.elevation.value]
  a.azimuth.value = ((Math.round(start[0] + 0.5 * event.delta_x) + 540) % 360) - 180
  a.elevation.value = Math.min(90, Math.max(0, Math.round(start[1] + 0.5 * event.delta_y)))
}

// The seed's first m neurons, the height of its box (the largest |A| of all its neurons over
// the square, so that m does not change the scale) and the pieces of the scene.
function load(a) {
  const s = a.seed.value, m = a.m.value, stride = a.biases.shape[1]
  const row = (k) => s * stride + k
  const all = Array.from({length: stride}, (_, k) => k)
  const w1 = all.map((k) => a.weights[2 * row(k)]), w2 = all.map((k) => a.weights[2 * row(k) + 1])
  const b = all.map((k) => a.biases[row(k)])
  memo.key = `${s}/${m}`
  memo.layer = {m, w1: w1.slice(0, m), w2: w2.slice(0, m), b: b.slice(0, m)}
  const [lo, hi] = output_range(w1, w2, b)
  memo.z_max = Math.max(-lo, hi)
  memo.scene = plane_pieces(memo.layer.w1, memo.layer.w2, memo.layer.b)
  if (a.neuron.end !== m) a.neuron.end = Math.max(m, 2)  // a slider needs start < end
  if (a.neuron.value > m) a.neuron.value = m
}

// The scene fills the frame at every angle: its extent over every turn at the current tilt
// (so turning never zooms), PAD pixels left for labels, one unit as long across as up.
function fit(a) {
  const {inner_width: W, inner_height: H} = a.plot
  if (!(W > 0 && H > 0)) return
  const phi = a.elevation.value * (Math.PI / 180)
  const half_y = a.height * Math.cos(phi) + R * Math.sin(phi)
  const scale = Math.min((W - 2 * PAD) / (2 * R), (H - 2 * PAD) / (2 * half_y))
  memo.scale = scale
  const x = W / (2 * scale), y = H / (2 * scale)
  a.plot.x_range.setv({start: -x, end: x})
  a.plot.y_range.setv({start: -y, end: y})
}

const view = (a, x, y, z) => project_view(x, y, z, a.azimuth.value, a.elevation.value, a.height / memo.z_max)

function draw(a) {
  const planes = a.show.active === 0, L = memo.layer
  const h = Math.min(a.neuron.value, L.m) - 1
  const items = []
  for (const piece of memo.scene) {
    const k = piece.neuron
    if (k >= 0 && !planes) continue
    const [sx, sy, depth] = view(a, piece.x, piece.y, piece.z)
    let look
    if (k < 0) {
      // The floor in the highlighted neuron's colours; its outlines draw every boundary line.
      const role = sign_role(piece.signs[h])
      look = [role, "muted", ...a.alpha[planes ? "floor" : "floor_only"], 1]
    } else if (k === h) {
      const role = sign_role(piece.signs[0])
      look = [role, role, ...a.alpha.highlighted, 1.5]
    } else {
      look = ["muted", "muted", ...a.alpha.other, 1]
    }
    items.push([sx, sy, ...look, depth.reduce((s, d) => s + d, 0) / depth.length, k])
  }
  // Painter's order, every frame: the farthest piece first, nearer ones painted over it.
  items.sort((p, q) => q[7] - p[7])
  const keys = ["xs", "ys", "role", "line_role", "fill_alpha", "line_alpha", "line_width", "depth", "neuron"]
  const data = {}
  keys.forEach((key, i) => { data[key] = items.map((item) => item[i]) })
  a.patches.data = data
  furniture(a, h)
}

// The A axis at the corner F = (0, 0), the highlighted boundary, every label, the formulas.
function furniture(a, h) {
  const z = memo.z_max, L = memo.layer
  const axis = view(a, [0, 0], [0, 0], [-z, z])
  a.axes.data = {xs: [axis[0]], ys: [axis[1]]}
  const ends = clip_line(L.w1[h], L.w2[h], L.b[h])
  const line = ends === null ? null : view(a, ends[0], ends[1], [0, 0])
  a.zero_line.data = line === null ? {xs: [], ys: []} : {xs: [line[0]], ys: [line[1]]}
  const step = z >= 1 ? 0.5 : 0.1
  const top = Math.max(step, Math.floor(z / step) * step)
  const tick = String(Number(top.toPrecision(6)))
  // Most important first: a label that finds no free place is left out, never piled up.
  const spots = [[0, 0, z * 1.12, "A"], [0.5, -0.12, 0, "F1"], [-0.12, 0.5, 0, "F2"]]
  if (line !== null) {
    const end = line[0][1] > line[0][0] ? 1 : 0
    spots.push([ends[0][end], ends[1][end], 0, `Neuron ${h + 1}`])
  }
  // Ticks of A only while its axis stands tall enough on the screen to hold them apart.
  const tall = Math.abs(axis[1][1] - axis[1][0]) * memo.scale > 90
  if (tall) spots.push([0, 0, top, tick, "left"], [0, 0, -top, `\u2212${tick}`, "left"], [0, 0, 0, "0", "left"])
  spots.push([1, -0.06, 0, "1"], [-0.06, 1, 0, "1"])
  draw_labels(a, spots)
  a.readout.text = L.b.map((b, k) => {
    const text = `Neuron ${k + 1}: A = ${fmt(L.w1[k])}\u00b7F1 ${signed(L.w2[k])}\u00b7F2 ${signed(b)}`
    return k === h ? `<b>${text}</b>` : `<span style="opacity:0.75">${text}</span>`
  }).join("<br>")
}

// Labels in pixels: each near its spot, pushed away from the scene's centre (where the
// planes are), inside the frame and clear of every other label.
function draw_labels(a, spots) {
  const {inner_width: W, inner_height: H} = a.plot, s = memo.scale
  const [sx, sy] = view(a, spots.map((p) => p[0]), spots.map((p) => p[1]), spots.map((p) => p[2]))
  const bounds = [[2, W - 2], [2, H - 2]]
  const labels = spots.map(([, , , text, side], i) => {
    const px = W / 2 + sx[i] * s, py = H / 2 + sy[i] * s
    const size = 13, width = text_width(text.length, size) + 4, height = size + 6
    // A tick of A sits left of its axis; any other label away from the centre.
    const [dx, dy] = side === "left" ? [-1, 0] : unit(px - W / 2, py - H / 2)
    const shift = width / 2 + 4
    const candidates = [0, 1, 2].flatMap((r) => candidates_near(
      [px + dx * (shift + 8 * r), py + dy * (height / 2 + 2 + 8 * r)], width, height, bounds, height, 0))
    return {width, height, candidates}
  })
  const placed = place_labels(labels, bounds)
  const shown = placed.map((p, i) => [p, spots[i][3]]).filter(([p]) => p !== null)
  a.labels.data = {x: shown.map(([p]) => (p[0] - W / 2) / s), y: shown.map(([p]) => (p[1] - H / 2) / s),
    text: shown.map(([, text]) => text)}
}

function unit(x, y) {
  const n = Math.hypot(x, y)
  return n > 1e-9 ? [x / n, y / n] : [0, 1]
}
