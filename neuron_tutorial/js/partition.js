// partition: the exact partition of an interval or a box by the boundaries of a layer.
// Mirrors neuron_tutorial.partition: partition_1d, and partition_2d with the same regions and
// sign patterns (in another order: Python traces the whole arrangement at once, this splits
// the box one line at a time, as tests/reference_partition.py does), Partition.locate; and
// for the figures region_pair (Region 1 and Region 2 of page 5) and the outputs at a region.
//
// A 2-D partition is {xs, ys, signs}: parallel arrays with one entry per region, the corners
// of a convex counter-clockwise polygon (xs[i], ys[i]) and its sign pattern signs[i], an
// Int8Array of m entries in {+1, -1, 0} (0 only for a neuron that is 0 everywhere).

import {fmt, pattern_text} from "./format.js"
import {UNIT_BOX, RELATIVE_TOLERANCE, box_tolerance, normalised_line, point_polygon_distance, polygon_area,
  polygon_centroid} from "./geometry.js"

// partition_1d: cut [lo, hi] at every boundary point −b_k / w_k strictly inside. Returns each
// neuron's root (NaN when w_k = 0), the merged breakpoints and the regions, each
// {lo, hi, signs}; a neuron with w_k = 0 has the sign of its bias everywhere.
export function partition_1d(w, b, lo = 0, hi = 1) {
  const roots = w.map((wk, k) => wk !== 0 ? -b[k] / wk : NaN)
  const tol = RELATIVE_TOLERANCE * (hi - lo)
  const inside = roots.filter((r, k) => w[k] !== 0 && r > lo + tol && r < hi - tol)
    .sort((p, q) => p - q)
  // Like np.diff: each point is compared with its sorted neighbour, not the last one kept.
  const breakpoints = inside.filter((r, i) => i === 0 || r - inside[i - 1] > tol)
  const ends = [lo, ...breakpoints, hi]
  const regions = []
  for (let i = 0; i + 1 < ends.length; i++) {
    const mid = 0.5 * (ends[i] + ends[i + 1])
    // Compare with the root rather than evaluating w·mid + b: no rounding can flip a sign.
    const signs = w.map((wk, k) => wk !== 0 ? Math.sign(wk) * Math.sign(mid - roots[k])
      : Math.sign(b[k]))
    regions.push({lo: ends[i], hi: ends[i + 1], signs})
  }
  return {roots, breakpoints, regions}
}

// The box as one region; constant neurons take the sign of their bias everywhere.
function box_partition(w1, w2, b, box) {
  const [[x0, x1], [y0, y1]] = box
  const signs = new Int8Array(b.length)
  for (let k = 0; k < b.length; k++) {
    if (normalised_line(w1[k], w2[k], b[k]) === null) signs[k] = Math.sign(b[k])
  }
  return {xs: [[x0, x1, x1, x0]], ys: [[y0, y0, y1, y1]], signs: [signs]}
}

// Cut every region crossed by line k = [nx, ny, offset] and record neuron k's sign in every
// piece (as tests/reference_partition.py does: uncut regions, then the positive pieces,
// then the negative ones). Corners within tol of the line count as on it and go to
// both pieces. The sign arrays of uncut regions and of positive pieces are reused in place.
function split_partition(part, k, line, tol) {
  const [nx, ny, offset] = line
  const xs = [], ys = [], signs = []
  const cut_xs = [[], []], cut_ys = [[], []], cut_signs = [[], []]
  const raw = [], d = []
  for (let i = 0; i < part.xs.length; i++) {
    const px = part.xs[i], py = part.ys[i], n = px.length
    let high = -Infinity, low = Infinity, above = false, below = false
    for (let j = 0; j < n; j++) {
      const r = px[j] * nx + py[j] * ny + offset
      raw[j] = r
      d[j] = Math.abs(r) <= tol ? 0 : r
      if (r > high) high = r
      if (r < low) low = r
      if (d[j] > 0) above = true
      if (d[j] < 0) below = true
    }
    const s = part.signs[i]
    if (!(above && below)) {
      // An uncut region lies on one side: the side of its corner farthest from the line.
      s[k] = high >= -low ? 1 : -1
      xs.push(px), ys.push(py), signs.push(s)
      continue
    }
    const pos_x = [], pos_y = [], neg_x = [], neg_y = []
    for (let j = 0; j < n; j++) {
      const next = j + 1 === n ? 0 : j + 1
      if (d[j] >= 0) pos_x.push(px[j]), pos_y.push(py[j])
      if (d[j] <= 0) neg_x.push(px[j]), neg_y.push(py[j])
      if (d[j] * d[next] < 0) {
        const t = d[j] / (d[j] - d[next])
        const hx = px[j] + t * (px[next] - px[j]), hy = py[j] + t * (py[next] - py[j])
        pos_x.push(hx), pos_y.push(hy), neg_x.push(hx), neg_y.push(hy)
      }
    }
    const negative = s.slice()
    s[k] = 1
    negative[k] = -1
    cut_xs[0].push(pos_x), cut_ys[0].push(pos_y), cut_signs[0].push(s)
    cut_xs[1].push(neg_x), cut_ys[1].push(neg_y), cut_signs[1].push(negative)
  }
  return {
    xs: xs.concat(cut_xs[0], cut_xs[1]),
    ys: ys.concat(cut_ys[0], cut_ys[1]),
    signs: signs.concat(cut_signs[0], cut_signs[1]),
  }
}

// partition_2d(layer, box) for the layer with weights (w1[k], w2[k]) and biases b[k]: split
// the box by one line at a time, in neuron order. Neuron `skip` is left out (its sign column
// stays 0): regions_2d keeps that partition and splits it by the one neuron being edited.
export function partition_2d(w1, w2, b, box = UNIT_BOX, skip = -1) {
  const tol = box_tolerance(box)
  let part = box_partition(w1, w2, b, box)
  for (let k = 0; k < b.length; k++) {
    if (k === skip) continue
    const line = normalised_line(w1[k], w2[k], b[k])
    if (line !== null) part = split_partition(part, k, line, tol)
  }
  return part
}

// A copy whose sign arrays may be changed without touching `part` (polygons are shared:
// nothing changes them in place).
export function copy_partition(part) {
  return {xs: part.xs.slice(), ys: part.ys.slice(), signs: part.signs.map((s) => s.slice())}
}

// Add neuron k (w1, w2, b) to a partition that left it out.
export function add_neuron(part, k, w1, w2, b, box = UNIT_BOX) {
  const line = normalised_line(w1, w2, b)
  const result = copy_partition(part)
  if (line === null) {
    for (const s of result.signs) s[k] = Math.sign(b)
    return result
  }
  return split_partition(result, k, line, box_tolerance(box))
}

// Sign of every neuron at the point (x, y), 0 within the tolerance of its line (as locate).
export function signs_at(w1, w2, b, x, y, box = UNIT_BOX) {
  const tol = box_tolerance(box)
  const signs = new Int8Array(b.length)
  for (let k = 0; k < b.length; k++) {
    const line = normalised_line(w1[k], w2[k], b[k])
    if (line === null) {
      signs[k] = Math.sign(b[k])
    } else {
      const dist = x * line[0] + y * line[1] + line[2]
      signs[k] = Math.abs(dist) <= tol ? 0 : Math.sign(dist)
    }
  }
  return signs
}

// Partition.locate for one point: the region whose pattern agrees with the point's signs
// (a 0 at a boundary agrees with either side), -1 when none does.
export function locate(part, point_signs) {
  for (let i = 0; i < part.signs.length; i++) {
    const s = part.signs[i]
    let match = true
    for (let k = 0; k < s.length && match; k++) {
      match = point_signs[k] === 0 || point_signs[k] === s[k]
    }
    if (match) return i
  }
  return -1
}

// The smallest and largest output of the layer over the box: a plane is extreme at a corner.
export function output_range(w1, w2, b, box = UNIT_BOX) {
  let lo = Infinity, hi = -Infinity
  for (let k = 0; k < b.length; k++) {
    for (const x of box[0]) {
      for (const y of box[1]) {
        const output = w1[k] * x + w2[k] * y + b[k]
        lo = Math.min(lo, output)
        hi = Math.max(hi, output)
      }
    }
  }
  return [lo, hi]
}

// What a figure draws of each region, kept on the partition: its pattern as text
// (part.patterns), its area (part.areas) and its number of positive neurons (part.positive).
// Returns the largest such number.
export function describe_regions(part) {
  const n = part.xs.length
  part.patterns = new Array(n), part.positive = new Array(n), part.areas = new Float64Array(n)
  let most = 0
  for (let i = 0; i < n; i++) {
    const s = part.signs[i]
    let positive = 0
    for (let k = 0; k < s.length; k++) positive += s[k] > 0
    part.patterns[i] = pattern_text(s)
    part.positive[i] = positive
    part.areas[i] = polygon_area(part.xs[i], part.ys[i])
    most = Math.max(most, positive)
  }
  return most
}

// Two neighbours across neuron k's line, k negative in the first (the figures' Region 1 and
// Region 2): patterns that differ in k alone share a stretch of k's line. part.areas holds the
// regions' areas; part.patterns their patterns as text, when a figure has them already.
// Without `near`, the pair whose smaller region is largest; with a point `near` = [x, y], the
// pair nearest to it (0 when it lies in one of them), the larger smaller region on a tie.
export function region_pair(part, k, near = null) {
  const patterns = part.patterns ?? part.signs.map(pattern_text)
  const positive = new Map()
  patterns.forEach((p, j) => {
    if (part.signs[j][k] === 1) positive.set(`${p.slice(0, k)}\u2212${p.slice(k + 1)}`, j)
  })
  const distance = (i) => point_polygon_distance(near, part.xs[i], part.ys[i])
  let best = null
  patterns.forEach((p, i) => {
    const j = part.signs[i][k] === -1 ? positive.get(p) : undefined
    if (j === undefined) return
    const score = [near === null ? 0 : -Math.min(distance(i), distance(j)), Math.min(part.areas[i], part.areas[j])]
    if (best === null || score[0] > best[0] || (score[0] === best[0] && score[1] > best[1])) best = [...score, i, j]
  })
  return best === null ? null : [best[2], best[3]]
}

// Every neuron's output at a region's centroid, four to a line: tooltip text. Outputs vary
// inside a region (its signs do not), so the centre stands for the region.
export function outputs_text(xs, ys, layer) {
  const [x, y] = polygon_centroid(xs, ys)
  const cells = Array.from(layer.w1, (w, k) => {
    const output = fmt(w * x + layer.w2[k] * y + layer.b[k])
    return `${String(k + 1).padStart(2)}: ${output.padStart(5)}`
  })
  const lines = []
  for (let i = 0; i < cells.length; i += 4) lines.push(cells.slice(i, i + 4).join("  "))
  return lines.join("\n")
}

// The planes A = w_k·F + b_k over the box cut into pieces for a painter: plane k along its
// zero line and along every line (w_k − w_j)·F + b_k − b_j = 0 where it meets plane j, so
// that over a piece the plane keeps its sign and its order with every other plane; then the
// floor (A = 0) cut by every boundary line. Each piece {x, y, z, neuron, signs}: its corners,
// its neuron (-1 for the floor) and its signs (the neuron's sign; every sign on the floor).
export function plane_pieces(w1, w2, b, box = UNIT_BOX) {
  const scene = []
  for (let k = 0; k < b.length; k++) {
    const c1 = [w1[k]], c2 = [w2[k]], c0 = [b[k]]
    for (let j = 0; j < b.length; j++) {
      if (j !== k) c1.push(w1[k] - w1[j]), c2.push(w2[k] - w2[j]), c0.push(b[k] - b[j])
    }
    const part = partition_2d(c1, c2, c0, box)
    part.xs.forEach((x, i) => {
      const y = part.ys[i]
      scene.push({x, y, z: x.map((xc, c) => w1[k] * xc + w2[k] * y[c] + b[k]), neuron: k,
        signs: part.signs[i].slice(0, 1)})
    })
  }
  const floor = partition_2d(w1, w2, b, box)
  floor.xs.forEach((x, i) => scene.push({x, y: floor.ys[i], z: x.map(() => 0), neuron: -1, signs: floor.signs[i]}))
  return scene
}
