// network: the exact partition of a box by every neuron of a 2-input ReLU network.
// Mirrors neuron_tutorial/deep_partition.py (the same algorithm, tolerances and sign
// conventions): inside a region where the layers below keep their signs, a neuron's
// pre-activation is affine, so it cuts the region by a straight line. Layer by layer, one
// neuron at a time, every convex polygon is split by its own line.
//
// A network is {sizes: [2, m_1, ..., m_L], weights: [Float64Array(m_l * n_l) row by row],
// biases: [Float64Array(m_l)]} (train.js makes and trains them). A partition is
// {xs, ys, signs, counts, maps}: per region the corners (xs[r], ys[r]) of a convex
// counter-clockwise polygon and its sign pattern signs[r] (Int8Array of every layer's
// neurons, concatenated; 0 only for a neuron that is 0 on the whole region); counts[l] the
// regions of layers 1..l+1; maps[l] = {A: Float64Array(R * m_l * 2), c: Float64Array(R * m_l)}
// with layer l's pre-activation in region r equal to A[r, k, :] · x + c[r, k]. No DOM, no Bokeh.

import {polygon_area} from "./geometry.js"

// As deep_partition.RELATIVE_TOLERANCE, RELATIVE_AREA and ROUNDING.
const RELATIVE_TOLERANCE = 1e-9
const RELATIVE_AREA = 1e-14
const ROUNDING = 1e-11

// One region while it is built: its polygon, signs so far and, per layer so far, the affine
// map {A, c} with bounds {Ab, cb} on |A| and |c| (the magnitudes summed into them).
function start_maps(net) {
  const m = net.sizes[1]
  const w = net.weights[0]
  const A = Float64Array.from(w)
  const c = Float64Array.from(net.biases[0])
  const Ab = new Float64Array(m)
  const cb = new Float64Array(m)
  for (let k = 0; k < m; k++) {
    Ab[k] = Math.sqrt(w[2 * k] * w[2 * k] + w[2 * k + 1] * w[2 * k + 1])
    cb[k] = Math.abs(c[k])
  }
  return {A, c, Ab, cb}
}

// Layer l's affine map in a region, given layer l-1's map and signs there (the ReLU mask).
function next_maps(net, l, below, signs, offset) {
  const n = net.sizes[l]
  const m = net.sizes[l + 1]
  const w = net.weights[l]
  const b = net.biases[l]
  const A = new Float64Array(2 * m)
  const c = new Float64Array(m)
  const Ab = new Float64Array(m)
  const cb = new Float64Array(m)
  for (let k = 0; k < m; k++) {
    let a0 = 0, a1 = 0, cc = b[k], bound = 0, cbound = Math.abs(b[k])
    for (let j = 0; j < n; j++) {
      if (!(signs[offset + j] > 0)) continue
      const wk = w[k * n + j]
      const x0 = below.A[2 * j], x1 = below.A[2 * j + 1]
      a0 += wk * x0
      a1 += wk * x1
      cc += wk * below.c[j]
      bound += Math.abs(wk) * Math.sqrt(x0 * x0 + x1 * x1)
      cbound += Math.abs(wk) * Math.abs(below.c[j])
    }
    A[2 * k] = a0
    A[2 * k + 1] = a1
    c[k] = cc
    Ab[k] = bound
    cb[k] = cbound
  }
  return {A, c, Ab, cb}
}

// Cut one region by neuron k of the current layer; push the region or its two pieces onto out.
function cut(region, map, k, column, tol, min_area, out) {
  const a0 = map.A[2 * k], a1 = map.A[2 * k + 1], offset = map.c[k]
  const norm = Math.sqrt(a0 * a0 + a1 * a1)
  const {x, y} = region
  if (norm <= ROUNDING * map.Ab[k]) { // constant on the region: its slope is rounding
    region.signs[column] = Math.abs(offset) <= ROUNDING * map.cb[k] ? 0 : Math.sign(offset)
    out.push(region)
    return
  }
  const nx = a0 / norm, ny = a1 / norm, shift = offset / norm
  const count = x.length
  const d = new Float64Array(count)
  let high = -Infinity, low = Infinity
  for (let i = 0; i < count; i++) {
    const v = x[i] * nx + y[i] * ny + shift
    d[i] = v
    if (v > high) high = v
    if (v < low) low = v
  }
  if (!(high > tol && low < -tol)) { // uncut: the side of the corner farthest from the line
    region.signs[column] = high >= -low ? 1 : -1
    out.push(region)
    return
  }
  for (let i = 0; i < count; i++) if (Math.abs(d[i]) <= tol) d[i] = 0
  const px = [], py = [], nxs = [], nys = []
  for (let i = 0; i < count; i++) {
    const j = i + 1 === count ? 0 : i + 1
    if (d[i] >= 0) { px.push(x[i]); py.push(y[i]) }
    if (d[i] <= 0) { nxs.push(x[i]); nys.push(y[i]) }
    if (d[i] * d[j] < 0) { // the edge crosses the line: the crossing joins both pieces
      const t = d[i] / (d[i] - d[j])
      const hx = x[i] + t * (x[j] - x[i]), hy = y[i] + t * (y[j] - y[i])
      px.push(hx); py.push(hy); nxs.push(hx); nys.push(hy)
    }
  }
  const positive_area = local_area(px, py)
  const negative_area = local_area(nxs, nys)
  if (Math.min(positive_area, negative_area) <= min_area) { // too small to resolve: keep it whole
    region.signs[column] = positive_area >= negative_area ? 1 : -1
    out.push(region)
    return
  }
  const positive = {x: px, y: py, signs: region.signs, maps: region.maps}
  const negative = {x: nxs, y: nys, signs: Int8Array.from(region.signs), maps: region.maps}
  positive.signs[column] = 1
  negative.signs[column] = -1
  out.push(positive, negative)
}

// deep_partition._areas: the shoelace area about the first corner (less rounding).
function local_area(xs, ys) {
  let total = 0
  for (let i = 0; i < xs.length; i++) {
    const j = i + 1 === xs.length ? 0 : i + 1
    total += (xs[i] - xs[0]) * (ys[j] - ys[0]) - (ys[i] - ys[0]) * (xs[j] - xs[0])
  }
  return 0.5 * total
}

// deep_partition.deep_partition: the regions of box = [[x0, x1], [y0, y1]].
export function partition(net, box) {
  if (net.sizes[0] !== 2) throw new Error(`net must read 2 inputs, got ${net.sizes[0]}`)
  const [[x0, x1], [y0, y1]] = box
  const tol = RELATIVE_TOLERANCE * Math.hypot(x1 - x0, y1 - y0)
  const scale = Math.max(Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1), Math.hypot(x1 - x0, y1 - y0))
  const min_area = RELATIVE_AREA * scale * scale
  const total = net.sizes.slice(1).reduce((s, m) => s + m, 0)
  let regions = [{x: [x0, x1, x1, x0], y: [y0, y0, y1, y1], signs: new Int8Array(total), maps: []}]
  const counts = []
  let column = 0
  for (let l = 0; l + 1 < net.sizes.length; l++) {
    const m = net.sizes[l + 1]
    if (l === 0) {
      const first = start_maps(net)
      for (const region of regions) region.maps = [first]
    } else {
      const offset = column - net.sizes[l]
      for (const region of regions) {
        region.maps = [...region.maps, next_maps(net, l, region.maps[l - 1], region.signs, offset)]
      }
    }
    for (let k = 0; k < m; k++, column++) {
      const out = []
      for (const region of regions) cut(region, region.maps[l], k, column, tol, min_area, out)
      regions = out
    }
    counts.push(regions.length)
  }
  const maps = []
  for (let l = 0; l + 1 < net.sizes.length; l++) {
    const m = net.sizes[l + 1]
    const A = new Float64Array(regions.length * m * 2)
    const c = new Float64Array(regions.length * m)
    regions.forEach((region, r) => {
      A.set(region.maps[l].A, r * m * 2)
      c.set(region.maps[l].c, r * m)
    })
    maps.push({A, c})
  }
  return {
    xs: regions.map(r => r.x), ys: regions.map(r => r.y), signs: regions.map(r => r.signs), counts, maps,
  }
}

// NetworkPartition.boundary: the zero set of neuron k of layer l as segments, a Float64Array
// (x0, y0, x1, y1, ...): the edges of its positive regions whose ends lie on its zero line there.
export function boundary(part, net, l, k, box) {
  const [[x0, x1], [y0, y1]] = box
  const tol = 2 * RELATIVE_TOLERANCE * Math.hypot(x1 - x0, y1 - y0)
  const m = net.sizes[l + 1]
  const column = net.sizes.slice(1, l + 1).reduce((s, v) => s + v, 0) + k
  const {A, c} = part.maps[l]
  const out = []
  part.xs.forEach((xs, r) => {
    if (part.signs[r][column] <= 0) return
    const a0 = A[(r * m + k) * 2], a1 = A[(r * m + k) * 2 + 1], offset = c[r * m + k]
    const norm = Math.sqrt(a0 * a0 + a1 * a1)
    if (norm === 0) return
    const ys = part.ys[r]
    const on = xs.map((x, i) => Math.abs(a0 * x + a1 * ys[i] + offset) <= tol * norm)
    for (let i = 0; i < xs.length; i++) {
      const j = i + 1 === xs.length ? 0 : i + 1
      if (on[i] && on[j]) out.push(xs[i], ys[i], xs[j], ys[j])
    }
  })
  return Float64Array.from(out)
}

// Every neuron's boundary at once, boundaries[l][k] equal to boundary(part, net, l, k, box): one
// pass over the regions without allocating per region (a figure that draws them all each frame).
export function boundaries(part, net, box) {
  const [[x0, x1], [y0, y1]] = box
  const tol = 2 * RELATIVE_TOLERANCE * Math.hypot(x1 - x0, y1 - y0)
  const out = net.sizes.slice(1).map((m) => Array.from({length: m}, () => []))
  let column = 0
  for (let l = 0; l < out.length; l++) {
    const m = net.sizes[l + 1]
    const {A, c} = part.maps[l]
    for (let r = 0; r < part.xs.length; r++) {
      const xs = part.xs[r], ys = part.ys[r], signs = part.signs[r], n = xs.length
      for (let k = 0; k < m; k++) {
        if (signs[column + k] <= 0) continue
        const a0 = A[(r * m + k) * 2], a1 = A[(r * m + k) * 2 + 1], offset = c[r * m + k]
        const norm = Math.sqrt(a0 * a0 + a1 * a1)
        if (norm === 0) continue
        const limit = tol * norm, segments = out[l][k]
        const first = Math.abs(a0 * xs[0] + a1 * ys[0] + offset) <= limit
        let on = first
        for (let i = 0; i < n; i++) {
          const j = i + 1 === n ? 0 : i + 1
          const next = j === 0 ? first : Math.abs(a0 * xs[j] + a1 * ys[j] + offset) <= limit
          if (on && next) segments.push(xs[i], ys[i], xs[j], ys[j])
          on = next
        }
      }
    }
    column += m
  }
  return out.map((layer) => layer.map((segments) => Float64Array.from(segments)))
}

// Signed area of a region's polygon: geometry.js's shoelace, positive counter-clockwise.
export const area = polygon_area

// NetworkPartition.locate for one point: the index of a region holding (x, y), -1 outside.
export function locate_point(part, x, y) {
  let best = -1, least = Infinity
  for (let r = 0; r < part.xs.length; r++) {
    const xs = part.xs[r], ys = part.ys[r]
    let outside = -Infinity
    for (let i = 0; i < xs.length; i++) {
      const j = i + 1 === xs.length ? 0 : i + 1
      const ex = xs[j] - xs[i], ey = ys[j] - ys[i]
      outside = Math.max(outside, ((x - xs[i]) * ey - (y - ys[i]) * ex) / Math.hypot(ex, ey))
    }
    if (outside < least) { least = outside; best = r }
  }
  return least <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y)) ? best : -1
}
