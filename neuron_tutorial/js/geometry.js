// geometry: lines and convex polygons in the plane, the small geometry every 2-D figure shares.
// Mirrors neuron_tutorial.partition (_normalised_lines, RELATIVE_TOLERANCE, Region.size),
// arrangement.clip and directions.clip_polygon / grid.

export const UNIT_BOX = [[0, 1], [0, 1]]

// Points closer than this (relative to the box diagonal) to a line count as on it, exactly
// as partition.RELATIVE_TOLERANCE: it merges corners that differ only by rounding.
export const RELATIVE_TOLERANCE = 1e-12

export function box_tolerance(box = UNIT_BOX) {
  return RELATIVE_TOLERANCE * Math.hypot(box[0][1] - box[0][0], box[1][1] - box[1][0])
}

// The line w1·x + w2·y + b = 0 as a unit normal and offset (signed distance = n·x + offset),
// or null for a constant neuron: a zero row, or a line so far away that its offset overflows.
// sqrt(w1² + w2²) rather than Math.hypot: the same rounding as numpy's norm.
export function normalised_line(w1, w2, b) {
  const norm = Math.sqrt(w1 * w1 + w2 * w2)
  if (norm === 0) return null
  const offset = b / norm
  return Number.isFinite(offset) ? [w1 / norm, w2 / norm, offset] : null
}

// The part of the line w1·x + w2·y + b = 0 inside the box as [[xa, xb], [ya, yb]], or null
// when it misses the box (or only touches it): Liang–Barsky against the four sides.
export function clip_line(w1, w2, b, box = UNIT_BOX) {
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

// Two far points of the line w·x + c = 0 for drawing (the plot clips it), or NaNs.
export function far_segment(w, c, reach = 10) {
  const norm2 = w[0] * w[0] + w[1] * w[1]
  if (norm2 === 0) return [[NaN, NaN], [NaN, NaN]]
  const p = [-c * w[0] / norm2, -c * w[1] / norm2]
  const d = [-w[1] / Math.sqrt(norm2), w[0] / Math.sqrt(norm2)]
  return [[p[0] - reach * d[0], p[0] + reach * d[0]], [p[1] - reach * d[1], p[1] + reach * d[1]]]
}

// Signed area of a polygon with corners (xs[i], ys[i]): positive when counter-clockwise.
export function polygon_area(xs, ys) {
  let twice = 0
  for (let j = 0; j < xs.length; j++) {
    const next = j + 1 === xs.length ? 0 : j + 1
    twice += xs[j] * ys[next] - ys[j] * xs[next]
  }
  return 0.5 * twice
}

// Area centroid of a polygon: where a region's label goes.
export function polygon_centroid(xs, ys) {
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

// Corners [[x, y], ...] as the two columns Bokeh's patches read.
export function columns(points) {
  return [points.map((p) => p[0]), points.map((p) => p[1])]
}

// The part of a convex polygon [[x, y], ...] where w·p + c >= 0 (Sutherland–Hodgman, one edge).
export function clip_polygon(poly, w, c) {
  const d = poly.map(([x, y]) => w[0] * x + w[1] * y + c)
  const kept = []
  poly.forEach((p, i) => {
    const j = (i + 1) % poly.length
    const q = poly[j]
    if (d[i] >= 0) kept.push(p)
    if (d[i] * d[j] < 0) {
      const t = d[i] / (d[i] - d[j])
      kept.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])])
    }
  })
  return kept
}

// The centres of a size × size grid of pixels over the box, row by row from the bottom.
export function grid_points(size, box = UNIT_BOX) {
  const [[x0, x1], [y0, y1]] = box
  const points = []
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      points.push([x0 + (col + 0.5) / size * (x1 - x0), y0 + (row + 0.5) / size * (y1 - y0)])
    }
  }
  return points
}

// Distance from the point [x, y] to a convex counter-clockwise polygon: 0 inside it.
export function point_polygon_distance([x, y], xs, ys) {
  let outside = false, nearest = Infinity
  for (let j = 0; j < xs.length; j++) {
    const next = j + 1 === xs.length ? 0 : j + 1
    const ex = xs[next] - xs[j], ey = ys[next] - ys[j], px = x - xs[j], py = y - ys[j]
    if (ex * py - ey * px < 0) outside = true
    const length2 = ex * ex + ey * ey
    const t = length2 > 0 ? Math.min(1, Math.max(0, (px * ex + py * ey) / length2)) : 0
    nearest = Math.min(nearest, Math.hypot(px - t * ex, py - t * ey))
  }
  return outside ? nearest : 0
}

// Where the lines w1[j]·x + w2[j]·y + b[j] = 0 cross each other inside the box (neuron `skip`
// left out): [[x, y, j, l], ...] for every pair j < l of non-parallel lines.
export function line_crossings(w1, w2, b, box = UNIT_BOX, skip = -1) {
  const [[x0, x1], [y0, y1]] = box, found = []
  for (let j = 0; j < b.length; j++) {
    for (let l = j + 1; l < b.length; l++) {
      if (j === skip || l === skip) continue
      const det = w1[j] * w2[l] - w2[j] * w1[l]
      if (Math.abs(det) <= 1e-12 * Math.hypot(w1[j], w2[j]) * Math.hypot(w1[l], w2[l])) continue
      const x = (w2[j] * b[l] - b[j] * w2[l]) / det, y = (b[j] * w1[l] - w1[j] * b[l]) / det
      if (x >= x0 && x <= x1 && y >= y0 && y <= y1) found.push([x, y, j, l])
    }
  }
  return found
}

// A point (x, y, z) of the scene over the unit square seen from `azimuth` and `elevation`
// (degrees): the square centred, z scaled by `z_scale`, turned about the vertical, then
// looked down on. Returns [sx, sy, depth] arrays; depth grows away from the reader.
export function project_view(x, y, z, azimuth, elevation, z_scale = 1) {
  const theta = azimuth * (Math.PI / 180), phi = elevation * (Math.PI / 180)
  const [ct, st, cp, sp] = [Math.cos(theta), Math.sin(theta), Math.cos(phi), Math.sin(phi)]
  const sx = [], sy = [], depth = []
  for (let i = 0; i < x.length; i++) {
    const xc = x[i] - 0.5, yc = y[i] - 0.5, zc = z[i] * z_scale
    const v = xc * st + yc * ct
    sx.push(xc * ct - yc * st)
    sy.push(zc * cp + v * sp)
    depth.push(v * cp - zc * sp)
  }
  return [sx, sy, depth]
}

// The crossing point of two lines other than k that lies nearest to line k, when line k
// has bias `bias` (and is not already through it): [x, y], or null when there is none.
export function nearest_crossing(w1, w2, b, k, bias = b[k], box = UNIT_BOX) {
  const norm = Math.hypot(w1[k], w2[k])
  if (norm === 0) return null
  let best = null
  for (const [x, y] of line_crossings(w1, w2, b, box, k)) {
    const d = Math.abs(w1[k] * x + w2[k] * y + bias) / norm
    if (d > 1e-9 && (best === null || d < best[0])) best = [d, x, y]
  }
  return best === null ? null : [best[1], best[2]]
}

// The part inside the box of every line w1[k]·x + w2[k]·y + b[k] = 0 that crosses it, as
// the columns of a multi_line: {xs, ys, neuron} (neuron numbered from 1).
export function clipped_lines(w1, w2, b, box = UNIT_BOX) {
  const lines = {xs: [], ys: [], neuron: []}
  for (let k = 0; k < b.length; k++) {
    const segment = clip_line(w1[k], w2[k], b[k], box)
    if (segment !== null) lines.xs.push(segment[0]), lines.ys.push(segment[1]), lines.neuron.push(k + 1)
  }
  return lines
}

// The bias that puts line k (its weights kept) through the point [x, y], or through the
// crossing point of two other lines nearest to that, when it is within `reach` of it.
export function bias_through(w1, w2, b, k, [x, y], reach = 0, box = UNIT_BOX) {
  const bias = -(w1[k] * x + w2[k] * y), near = nearest_crossing(w1, w2, b, k, bias, box)
  if (near === null) return bias
  const gap = Math.abs(w1[k] * near[0] + w2[k] * near[1] + bias) / Math.hypot(w1[k], w2[k])
  return gap <= reach ? -(w1[k] * near[0] + w2[k] * near[1]) : bias
}

// An axis range for values in [low, high] and 0, with a 5% margin, its ends on a round step (a
// fifth of the span's power of ten) so that many data share one range, at least min_span wide.
// null while the current {start, end} still holds them and they fill at least 5/8 of it.
export function axis_range([low, high], {start, end}, min_span = 0) {
  let lo = Math.min(low, 0), hi = Math.max(high, 0)
  if (hi - lo < min_span) [lo, hi] = hi > -lo ? [lo, lo + min_span] : [hi - min_span, hi]
  const margin = 0.05 * (hi - lo)
  if (start <= lo && end >= hi && end - start <= 1.6 * (hi - lo + 2 * margin)) return null
  const step = 10 ** Math.floor(Math.log10(hi - lo + 2 * margin)) / 5
  return {start: step * Math.floor((lo - margin) / step), end: step * Math.ceil((hi + margin) / step)}
}
