// piecewise: a direction's reading over the input square, as linear pieces.
// Mirrors neuron_tutorial.directions: direction_pieces (with partition_2d's regions),
// level_segments, above_polygons, flat_polygons, clip_polygon, polygon_area and grid,
// plus numpy's quantile (linear interpolation) and widgets/directions_common.far_segment.

const BOX = [[0, 1], [0, 1]]

function polygon_area(poly) {
  let twice = 0
  poly.forEach(([x, y], i) => {
    const [x2, y2] = poly[(i + 1) % poly.length]
    twice += x * y2 - y * x2
  })
  return twice / 2
}

// The part of a convex polygon where w·p + c >= 0 (Sutherland–Hodgman, one edge).
function clip_polygon(poly, w, c) {
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

// The regions the neurons' boundaries cut the square into, each with its sign pattern:
// split every region by one boundary at a time, as partition_2d does.
function split_regions(W, b, box = BOX) {
  const [[x0, x1], [y0, y1]] = box
  const scale = Math.hypot(x1 - x0, y1 - y0)
  let regions = [{polygon: [[x0, y0], [x1, y0], [x1, y1], [x0, y1]], signs: []}]
  W.forEach((w, k) => {
    const norm = Math.hypot(w[0], w[1])
    const tol = 1e-9 * scale * Math.max(norm, 1e-300)
    const next = []
    for (const region of regions) {
      const d = region.polygon.map(([x, y]) => w[0] * x + w[1] * y + b[k])
      const above = d.some((v) => v > tol)
      const below = d.some((v) => v < -tol)
      if (above && below) {
        const pos = clip_polygon(region.polygon, w, b[k])
        const neg = clip_polygon(region.polygon, [-w[0], -w[1]], -b[k])
        for (const [poly, sign] of [[pos, 1], [neg, -1]]) {
          if (poly.length >= 3 && polygon_area(poly) > 1e-15) next.push({polygon: poly, signs: [...region.signs, sign]})
        }
      } else {
        const sign = above ? 1 : below ? -1 : Math.sign(norm === 0 ? b[k] : 0)
        next.push({polygon: region.polygon, signs: [...region.signs, sign]})
      }
    }
    regions = next
  })
  return regions
}

// The reading v·act(W x + b) as pieces {polygon, w, c} on which it equals w·x + c.
function direction_pieces(W, b, v, relu, box = BOX) {
  const [[x0, x1], [y0, y1]] = box
  if (!relu) {
    const w = [0, 1].map((i) => W.reduce((s, row, k) => s + v[k] * row[i], 0))
    const c = b.reduce((s, bk, k) => s + v[k] * bk, 0)
    return [{polygon: [[x0, y0], [x1, y0], [x1, y1], [x0, y1]], w, c}]
  }
  return split_regions(W, b, box).map(({polygon, signs}) => {
    const w = [0, 0]
    let c = 0
    signs.forEach((s, k) => {
      if (s > 0) {
        w[0] += v[k] * W[k][0]
        w[1] += v[k] * W[k][1]
        c += v[k] * b[k]
      }
    })
    return {polygon, w, c}
  })
}

function level_segments(pieces, level = 0) {
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

function above_polygons(pieces, level) {
  return pieces.map(({polygon, w, c}) => clip_polygon(polygon, w, c - level))
    .filter((poly) => poly.length >= 3 && polygon_area(poly) > 1e-12)
}

function flat_polygons(pieces, level = 0) {
  return pieces.filter(({w, c}) => w[0] === 0 && w[1] === 0 && c === level).map((p) => p.polygon)
}

// How many different straight lines the segments lie on (collinear pieces count once).
function distinct_lines(pieces, level = 0) {
  const keys = new Set()
  for (const {polygon, w, c} of pieces) {
    const norm = Math.hypot(w[0], w[1])
    if (norm === 0 || level_segments([{polygon, w, c}], level).length === 0) continue
    const s = w[0] / norm < -1e-12 || (Math.abs(w[0] / norm) <= 1e-12 && w[1] < 0) ? -1 : 1
    keys.add([w[0], w[1], c - level].map((x) => (s * x / norm).toFixed(6)).join(","))
  }
  return keys.size
}

function grid_points(size, box = BOX) {
  const [[x0, x1], [y0, y1]] = box
  const points = []
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      points.push([x0 + (col + 0.5) / size * (x1 - x0), y0 + (row + 0.5) / size * (y1 - y0)])
    }
  }
  return points
}

function quantile(values, q) {
  const sorted = Float64Array.from(values).sort()
  const pos = q * (sorted.length - 1)
  const lo = Math.floor(pos)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo])
}

// Two far points of the line w·x + c = 0 for drawing (the plot clips it), or NaNs.
function far_segment(w, c, reach = 10) {
  const norm2 = w[0] * w[0] + w[1] * w[1]
  if (norm2 === 0) return [[NaN, NaN], [NaN, NaN]]
  const p = [-c * w[0] / norm2, -c * w[1] / norm2]
  const d = [-w[1] / Math.sqrt(norm2), w[0] / Math.sqrt(norm2)]
  return [[p[0] - reach * d[0], p[0] + reach * d[0]], [p[1] - reach * d[1], p[1] + reach * d[1]]]
}
