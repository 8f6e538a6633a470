// partition2d: the exact partition of a box by the boundary lines of a two-input layer.
// Mirrors neuron_tutorial.partition.partition_2d: the same regions and sign patterns (in
// another order: Python traces the whole arrangement at once, this splits the box one
// line at a time, as tests/reference_partition.py does), with its _normalised_lines,
// Partition.locate and thresholds._uniform_quantile for the "high output" layer; also the
// small geometry the figures share (regions_2d.clip_line, centroid and region_pair).
// Shared by regions_2d, planes_3d and layer_slice; style.read_js(name, "partition2d") puts it
// in front of a figure's code.
//
// A partition is {xs, ys, signs}: parallel arrays with one entry per region, the corners
// of a convex counter-clockwise polygon (xs[i], ys[i]) and its sign pattern signs[i], an
// Int8Array of m entries in {+1, -1, 0} (0 only for a neuron that is 0 everywhere).

// Points closer than this (relative to the box diagonal) to a line count as on it, exactly
// as partition.RELATIVE_TOLERANCE: it merges corners that differ only by rounding.
const RELATIVE_TOLERANCE = 1e-9

function box_tolerance(box) {
  return RELATIVE_TOLERANCE * Math.hypot(box[0][1] - box[0][0], box[1][1] - box[1][0])
}

// Neuron k's boundary as a unit normal and offset (signed distance = n·x + offset), or null
// for a constant neuron: a zero row, or a line so far away that its offset overflows.
// sqrt(w1² + w2²) rather than Math.hypot: the same rounding as numpy's norm.
function normalised_line(w1, w2, b) {
  const norm = Math.sqrt(w1 * w1 + w2 * w2)
  if (norm === 0) return null
  const offset = b / norm
  return Number.isFinite(offset) ? [w1 / norm, w2 / norm, offset] : null
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
function partition_2d(w1, w2, b, box = [[0, 1], [0, 1]], skip = -1) {
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
function copy_partition(part) {
  return {xs: part.xs.slice(), ys: part.ys.slice(), signs: part.signs.map((s) => s.slice())}
}

// Add neuron k (w1, w2, b) to a partition that left it out.
function add_neuron(part, k, w1, w2, b, box = [[0, 1], [0, 1]]) {
  const line = normalised_line(w1, w2, b)
  const result = copy_partition(part)
  if (line === null) {
    for (const s of result.signs) s[k] = Math.sign(b)
    return result
  }
  return split_partition(result, k, line, box_tolerance(box))
}

// Sign of every neuron at the point (x, y), 0 within the tolerance of its line (as locate).
function signs_at(w1, w2, b, x, y, box = [[0, 1], [0, 1]]) {
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
function locate(part, point_signs) {
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

// The pattern as text, one character per neuron, as Region.pattern: "+", "−" or "0".
function pattern_text(signs) {
  let text = ""
  for (let k = 0; k < signs.length; k++) text += signs[k] > 0 ? "+" : signs[k] < 0 ? "\u2212" : "0"
  return text
}

// Area of a counter-clockwise polygon (Region.size) and its area centroid (a label spot).
function polygon_area(xs, ys) {
  let twice = 0
  for (let j = 0; j < xs.length; j++) {
    const next = j + 1 === xs.length ? 0 : j + 1
    twice += xs[j] * ys[next] - ys[j] * xs[next]
  }
  return 0.5 * twice
}

function polygon_centroid(xs, ys) {
  let twice = 0, cx = 0, cy = 0
  for (let j = 0; j < xs.length; j++) {
    const next = j + 1 === xs.length ? 0 : j + 1
    const cross = xs[j] * ys[next] - ys[j] * xs[next]
    twice += cross
    cx += (xs[j] + xs[next]) * cross
    cy += (ys[j] + ys[next]) * cross
  }
  return [cx / (3 * twice), cy / (3 * twice)]
}

// The part of line k inside the box as [[xa, xb], [ya, yb]], or null when it misses the box:
// clip the line's direction against the four sides (Liang-Barsky).
function clip_line(w1, w2, b, box = [[0, 1], [0, 1]]) {
  const line = normalised_line(w1, w2, b)
  if (line === null) return null
  const [nx, ny, offset] = line
  const [[x0, x1], [y0, y1]] = box
  const px = -offset * nx, py = -offset * ny  // the line's point nearest the origin
  const dx = -ny, dy = nx
  let lo = -Infinity, hi = Infinity
  for (const [p, dp, a, c] of [[px, dx, x0, x1], [py, dy, y0, y1]]) {
    if (dp === 0) {
      if (p < a || p > c) return null
    } else {
      const ta = (a - p) / dp, tc = (c - p) / dp
      lo = Math.max(lo, Math.min(ta, tc))
      hi = Math.min(hi, Math.max(ta, tc))
    }
  }
  if (!(hi - lo > box_tolerance(box))) return null
  return [[px + lo * dx, px + hi * dx], [py + lo * dy, py + hi * dy]]
}

// The smallest and largest output of the layer over the box: a plane is extreme at a corner.
function output_range(w1, w2, b, box = [[0, 1], [0, 1]]) {
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

// q-quantile of w1·x + w2·y + b for (x, y) uniform on the box (thresholds._uniform_quantile):
// the sum of two uniforms of widths p <= r has a trapezoid density whose distribution
// function inverts in closed form on its three pieces.
function uniform_quantile(w1, w2, b, q, box = [[0, 1], [0, 1]]) {
  const [[x0, x1], [y0, y1]] = box
  const low = b + Math.min(w1 * x0, w1 * x1) + Math.min(w2 * y0, w2 * y1)
  const widths = [Math.abs(w1) * (x1 - x0), Math.abs(w2) * (y1 - y0)].sort((u, v) => u - v)
  const [p, r] = widths
  if (r === 0) return low
  if (p === 0) return low + q * r
  if (q <= p / (2 * r)) return low + Math.sqrt(2 * p * r * q)
  if (q <= 1 - p / (2 * r)) return low + q * r + p / 2
  return low + p + r - Math.sqrt(2 * p * r * (1 - q))
}

// Two neighbours across neuron k's line, k negative in the first (regions_2d.region_pair, the
// figures' Region 1 and Region 2): patterns that differ in k alone share a stretch of k's
// line. Of all such pairs, the one whose smaller region is largest. part.areas holds the
// regions' areas; part.patterns their patterns as text, when a figure has them already.
function region_pair(part, k) {
  const patterns = part.patterns ?? part.signs.map(pattern_text)
  const positive = new Map()
  patterns.forEach((p, j) => {
    if (part.signs[j][k] === 1) positive.set(`${p.slice(0, k)}\u2212${p.slice(k + 1)}`, j)
  })
  let best = null
  patterns.forEach((p, i) => {
    const j = part.signs[i][k] === -1 ? positive.get(p) : undefined
    if (j === undefined) return
    const score = Math.min(part.areas[i], part.areas[j])
    if (best === null || score > best[0]) best = [score, i, j]
  })
  return best === null ? null : [best[1], best[2]]
}

// Every neuron's output at a region's centroid, four to a line: tooltip text. Outputs vary
// inside a region (its signs do not), so the centre stands for the region.
function outputs_text(xs, ys, layer) {
  const [x, y] = polygon_centroid(xs, ys)
  const cells = Array.from(layer.w1, (w, k) => {
    const output = fmt(w * x + layer.w2[k] * y + layer.b[k])
    return `${String(k + 1).padStart(2)}: ${output.padStart(5)}`
  })
  const lines = []
  for (let i = 0; i < cells.length; i += 4) lines.push(cells.slice(i, i + 4).join("  "))
  return lines.join("\n")
}
