import {point_polygon_distance, polygon_centroid} from "./geometry.js"

// labels: text on a plot that never collides and is never clipped. In screen pixels.
// A label is {width, height, candidates: [[x, y], ...]}: the centres it may take, best first.
// Labels are placed in the order given (the most important first); each takes its first
// candidate whose box lies inside `bounds` and overlaps no box placed before it nor any of
// `obstacles` ({x, y, width, height}, centred). A label with no free candidate is dropped (null).

export function place_labels(labels, bounds, obstacles = []) {
  const taken = obstacles.map(box_of)
  return labels.map(({width, height, candidates}) => {
    for (const [x, y] of candidates) {
      const box = box_of({x, y, width, height})
      if (box_inside(box, bounds) && taken.every((other) => !overlaps(box, other))) {
        taken.push(box)
        return [x, y]
      }
    }
    return null
  })
}

// Candidates around a point: the point itself, then shifted up and down by `step` pixels
// (and left and right by `step`), each clamped into `bounds` for a box of the given size.
export function candidates_near([x, y], width, height, bounds, step = height, rings = 4) {
  const clamp = (value, lo, hi) => Math.min(hi, Math.max(lo, value))
  const [[x0, x1], [y0, y1]] = bounds
  const at = (cx, cy) => [clamp(cx, x0 + width / 2, x1 - width / 2), clamp(cy, y0 + height / 2, y1 - height / 2)]
  const found = [at(x, y)]
  for (let r = 1; r <= rings; r++) {
    found.push(at(x, y - r * step), at(x, y + r * step), at(x - r * step, y), at(x + r * step, y))
  }
  return found
}

// The width of a text of `chars` characters at `size` pixels, generously (sans-serif, bold).
export function text_width(chars, size) {
  return Math.ceil(chars * size * 0.62)
}

function box_of({x, y, width, height}) {
  return [x - width / 2, x + width / 2, y - height / 2, y + height / 2]
}

function box_inside([l, r, b, t], [[x0, x1], [y0, y1]]) {
  const eps = 1e-9
  return l >= x0 - eps && r <= x1 + eps && b >= y0 - eps && t <= y1 + eps
}

export function overlaps([l, r, b, t], [l2, r2, b2, t2]) {
  return l < r2 && l2 < r && b < t2 && b2 < t
}

// Colour keys written as HTML beside a plot (not a Bokeh legend, which the canvas would
// measure again on every redraw): a swatch, and a stepped ramp of `palette` for the counts
// 0..most, each count in the colour a LinearColorMapper(low=0, high=most) gives it.
export function swatch_html(fill, width = "14px") {
  return `<span style="display:inline-block;width:${width};height:14px;vertical-align:-2px;` +
    `margin:0 6px 0 2px;border:1px solid var(--nt-border);background:${fill}"></span>`
}

export function ramp_html(palette, most) {
  const n = palette.length, percent = (c) => (100 * c / (most + 1)).toFixed(2)
  const stops = Array.from({length: most + 1}, (_, c) =>
    `${palette[Math.min(n - 1, Math.floor(n * c / most))]} ${percent(c)}% ${percent(c + 1)}%`)
  return `<span style="white-space:nowrap">0 ${swatch_html(`linear-gradient(to right, ${stops.join(", ")})`, "140px")}${most}</span>`
}

// Names of regions of a partition of the unit square drawn in a frame of `size` = [W, H]
// pixels: each near its region's centre, its centre inside the region where one fits, clear
// of the points `avoid` ([x, y] in the square, e.g. an input dot), of each other and of the
// frame's edges. Returns the columns of a LabelSet in the square's units: {x, y, text}.
export function region_names(part, regions, names, [W, H], avoid = [], font = 13) {
  const width = text_width(Math.max(...names.map((n) => n.length)), font) + 6, height = font + 8
  const bounds = [[2, W - 2], [2, H - 2]]
  const obstacles = avoid.map(([x, y]) => ({x: x * W, y: y * H, width: 22, height: 22}))
  const labels = regions.map((i) => {
    const [cx, cy] = polygon_centroid(part.xs[i], part.ys[i])
    const near = candidates_near([cx * W, cy * H], width, height, bounds, height / 2, 12)
    const in_region = (p) => point_polygon_distance([p[0] / W, p[1] / H], part.xs[i], part.ys[i]) === 0
    return {width, height, candidates: [...near.filter(in_region), ...near.filter((p) => !in_region(p))]}
  })
  const shown = place_labels(labels, bounds, obstacles).map((p, i) => [p, names[i]]).filter(([p]) => p !== null)
  return {x: shown.map(([p]) => p[0] / W), y: shown.map(([p]) => p[1] / H), text: shown.map(([, t]) => t)}
}
