// next_layer: the exact regions of a 2 -> m -> m network and one reading of layer 2 on them,
// drawn on load (style.draw_on_load) and on every control.
// Mirrors next_layer.table_network (the seed table scaled by He's factors) and
// nt.partition_2d(net, box) through nt/network.js; the reading's pieces, zero set and positive
// side come from nt/directions.js, as on chapter 7's figure. An ES module, compiled once: the
// partition is kept while only the reading changes.

import {boundaries, partition} from "nt/network.js"
import {above_polygons, distinct_lines, flat_polygons, level_segments, total_area} from "nt/directions.js"
import {fmt, plural} from "nt/format.js"
import {set_text} from "nt/interact.js"

const memo = {key: null, net: null, part: null, lines: null, context: null}  // lines[l][k]: boundaries

export default (args, obj, data, context) => {
  memo.context = context
  const m = args.m.value, seed = args.seed.value
  if (args.k.end !== m) {
    args.k.end = m
    if (args.k.value > m) return (args.k.value = m)  // its own change redraws
  }
  const key = `${seed}/${m}`
  if (memo.key !== key) {
    memo.key = key
    memo.net = table_network(args.table, seed, m)
    memo.part = partition(memo.net, args.box)
    draw_regions(args)
  }
  draw_reading(args)
}

// next_layer.table_network: the first m rows (and columns) of the seed's normals, times sqrt(2 / n).
function table_network(table, seed, m) {
  const M = table.c1.shape[1]
  const first = Math.sqrt(2.0 / 2), second = Math.sqrt(2.0 / m)
  const w1 = new Float64Array(2 * m), b1 = new Float64Array(m)
  const w2 = new Float64Array(m * m), b2 = new Float64Array(m)
  for (let k = 0; k < m; k++) {
    w1[2 * k] = first * table.g1[(seed * M + k) * 2]
    w1[2 * k + 1] = first * table.g1[(seed * M + k) * 2 + 1]
    b1[k] = first * table.c1[seed * M + k]
    b2[k] = second * table.c2[seed * M + k]
    for (let j = 0; j < m; j++) w2[k * m + j] = second * table.g2[(seed * M + k) * M + j]
  }
  return {sizes: [2, m, m], weights: [w1, w2], biases: [b1, b2]}
}

// Segments (Float64Array x0, y0, x1, y1, ...) of several neurons, as multi_line columns.
function segment_columns(lists) {
  const xs = [], ys = []
  for (const s of lists) {
    for (let i = 0; i < s.length; i += 4) xs.push([s[i], s[i + 2]]), ys.push([s[i + 1], s[i + 3]])
  }
  return {xs, ys}
}

function draw_regions(a) {
  const {net, part} = memo, m = net.sizes[1]
  a.regions.data = {xs: part.xs, ys: part.ys}
  memo.lines = boundaries(part, net, a.box)
  a.lines1.data = segment_columns(memo.lines[0])
  a.lines2.data = segment_columns(memo.lines[1])
  const [one, two] = a.bounds[String(m)]
  const [c1, c2] = part.counts
  show(a.count, `Layer 1: <b>${plural(c1, "region")}</b> in the square (at most ${one} in the plane). ` +
    `Layers 1 and 2 together: <b>${plural(c2, "region")}</b> (at most ${two}).`)
}

// The direction v of layer 2 the controls pick, and whether it is read after the ReLU.
function reading(a) {
  const m = memo.net.sizes[1]
  if (a.mode.active === 0) {
    const v = new Array(m).fill(0)
    v[a.k.value - 1] = 1
    return {v, relu: false, name: `Neuron ${a.k.value} of layer 2`}
  }
  // next_layer.table_direction: row [m - 1, r - 1] of the (max_m, randoms, max_m) table.
  const [, randoms, width] = a.directions.shape
  const at = ((m - 1) * randoms + a.r.value - 1) * width
  const v = Array.from(a.directions.slice(at, at + m))
  const relu = a.mode.active === 2
  return {v, relu, name: `Random direction ${a.r.value}${relu ? " after the ReLU" : ""}, ` +
    `v = (${v.map((x) => fmt(x)).join(", ")})`}
}

// The reading v·z₂ (or v·ReLU(z₂)) on every region: {polygon, w, c} pieces, as directions.js reads them.
function pieces_of(v, relu) {
  const {net, part} = memo, m = net.sizes[1]
  const {A, c} = part.maps[1]
  return part.xs.map((xs, r) => {
    const w = [0, 0]
    let offset = 0
    for (let k = 0; k < m; k++) {
      if (v[k] === 0 || (relu && !(part.signs[r][m + k] > 0))) continue
      w[0] += v[k] * A[(r * m + k) * 2]
      w[1] += v[k] * A[(r * m + k) * 2 + 1]
      offset += v[k] * c[r * m + k]
    }
    return {polygon: xs.map((x, i) => [x, part.ys[r][i]]), w, c: offset}
  })
}

function draw_reading(a) {
  const {v, relu, name} = reading(a)
  const pieces = pieces_of(v, relu)
  // A layer-2 neuron cuts the regions itself: its zero set is their shared edges, each once.
  const segments = a.mode.active === 0
    ? split(memo.lines[1][a.k.value - 1])
    : level_segments(pieces)
  a.zero.data = {xs: segments.map(([p, q]) => [p[0], q[0]]), ys: segments.map(([p, q]) => [p[1], q[1]])}
  const positive = above_polygons(pieces, 0)
  a.positive.data = {xs: positive.map((p) => p.map((c) => c[0])), ys: positive.map((p) => p.map((c) => c[1]))}
  const flat = flat_polygons(pieces)
  a.flat.data = {xs: flat.map((p) => p.map((c) => c[0])), ys: flat.map((p) => p.map((c) => c[1]))}
  const corners = bends(segments, a.box)
  a.bends.data = {x: corners.map((p) => p[0]), y: corners.map((p) => p[1])}
  const [[x0, x1], [y0, y1]] = a.box
  const share = (polygons) => Math.round(100 * total_area(polygons) / ((x1 - x0) * (y1 - y0)))
  const lines = distinct_lines(pieces)
  const shape = segments.length === 0 ? "It does not cross the square."
    : lines === 1 ? "Its zero set is one straight line."
      : `Its zero set is a bent line on ${lines} different straight lines, with ${plural(corners.length, "bend")}.`
  show(a.readout, `<b>${name}</b>. ${shape} Positive on ${share(positive)}% of the square` +
    (flat.length > 0 ? `, exactly 0 on ${share(flat)}%.` : "."))
}

function split(flat) {
  const out = []
  for (let i = 0; i < flat.length; i += 4) out.push([[flat[i], flat[i + 1]], [flat[i + 2], flat[i + 3]]])
  return out
}

// Inner ends of the zero set's segments where two of them meet at an angle.
function bends(segments, box) {
  const [[x0, x1], [y0, y1]] = box
  const tol = 1e-9 * Math.hypot(x1 - x0, y1 - y0)
  const ends = new Map()
  for (const [p, q] of segments) {
    const length = Math.hypot(q[0] - p[0], q[1] - p[1])
    const direction = [(q[0] - p[0]) / length, (q[1] - p[1]) / length]
    for (const point of [p, q]) {
      const [x, y] = point
      if (Math.min(x - x0, x1 - x, y - y0, y1 - y) <= tol) continue  // on the edge of the square
      const key = `${x.toFixed(7)},${y.toFixed(7)}`
      if (!ends.has(key)) ends.set(key, {point, directions: []})
      ends.get(key).directions.push(direction)
    }
  }
  const turned = ({directions: [d, ...rest]}) =>
    rest.some((e) => Math.abs(d[0] * e[1] - d[1] * e[0]) > 1e-6)
  return [...ends.values()].filter(turned).map((end) => end.point)
}

const show = (div, html) => set_text(div, html, memo.context)
