// directions: what a direction v of activation space reads over the input square, as linear
// pieces. Mirrors neuron_tutorial.directions: direction_pieces (on partition_2d's regions),
// level_segments, above_polygons, flat_polygons and distinct_lines.
// A polygon here is a list of corners [[x, y], ...]; a piece is {polygon, w, c}: on it the
// reading equals w·x + c.

import {UNIT_BOX, clip_polygon, polygon_area, columns} from "./geometry.js"
import {partition_2d} from "./partition.js"

// The reading v·act(W x + b) as pieces: one piece without ReLU, one per region with it (the
// neurons positive on a region add their rows, the others are cut to zero).
export function direction_pieces(W, b, v, relu, box = UNIT_BOX) {
  const [[x0, x1], [y0, y1]] = box
  if (!relu) {
    const w = [0, 1].map((i) => W.reduce((s, row, k) => s + v[k] * row[i], 0))
    const c = b.reduce((s, bk, k) => s + v[k] * bk, 0)
    return [{polygon: [[x0, y0], [x1, y0], [x1, y1], [x0, y1]], w, c}]
  }
  const part = partition_2d(W.map((w) => w[0]), W.map((w) => w[1]), b, box)
  return part.signs.map((signs, i) => {
    const w = [0, 0]
    let c = 0
    signs.forEach((s, k) => {
      if (s > 0) {
        w[0] += v[k] * W[k][0]
        w[1] += v[k] * W[k][1]
        c += v[k] * b[k]
      }
    })
    return {polygon: part.xs[i].map((x, j) => [x, part.ys[i][j]]), w, c}
  })
}

// The segments where the reading equals `level`, one per piece it crosses: [[p, q], ...].
export function level_segments(pieces, level = 0) {
  const segments = []
  for (const {polygon, w, c} of pieces) {
    if (w[0] === 0 && w[1] === 0) continue
    // Corners of a piece are computed, so "on the line" needs a little slack (LINE_TOLERANCE).
    const tol = 1e-9 * (Math.abs(w[0]) + Math.abs(w[1]) + Math.abs(c - level))
    const d = polygon.map(([x, y]) => {
      const value = w[0] * x + w[1] * y + c - level
      return Math.abs(value) <= tol ? 0 : value
    })
    const points = []
    polygon.forEach((p, i) => {
      const j = (i + 1) % polygon.length
      const q = polygon[j]
      if (d[i] === 0) points.push(p)
      else if (d[i] * d[j] < 0) {
        const t = d[i] / (d[i] - d[j])
        points.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])])
      }
    })
    if (points.length < 2) continue
    const along = points.map(([x, y]) => -w[1] * x + w[0] * y)
    const lo = points[along.indexOf(Math.min(...along))]
    const hi = points[along.indexOf(Math.max(...along))]
    if (Math.hypot(hi[0] - lo[0], hi[1] - lo[1]) > 0) segments.push([lo, hi])
  }
  return segments
}

const points_area = (poly) => polygon_area(...columns(poly))

// The parts of the pieces where the reading is above `level`.
export function above_polygons(pieces, level) {
  return pieces.map(({polygon, w, c}) => clip_polygon(polygon, w, c - level))
    .filter((poly) => poly.length >= 3 && points_area(poly) > 1e-12)
}

// The pieces on which the reading is exactly `level` everywhere (ReLU switched it off).
export function flat_polygons(pieces, level = 0) {
  return pieces.filter(({w, c}) => w[0] === 0 && w[1] === 0 && c === level).map((p) => p.polygon)
}

// Total area of polygons [[x, y], ...].
export function total_area(polygons) {
  return polygons.reduce((sum, p) => sum + points_area(p), 0)
}

// How many different straight lines the level set lies on (collinear pieces count once).
export function distinct_lines(pieces, level = 0) {
  const keys = new Set()
  for (const {polygon, w, c} of pieces) {
    const norm = Math.hypot(w[0], w[1])
    if (norm === 0 || level_segments([{polygon, w, c}], level).length === 0) continue
    const s = w[0] / norm < -1e-12 || (Math.abs(w[0] / norm) <= 1e-12 && w[1] < 0) ? -1 : 1
    keys.add([w[0], w[1], c - level].map((x) => (s * x / norm).toFixed(6)).join(","))
  }
  return keys.size
}
