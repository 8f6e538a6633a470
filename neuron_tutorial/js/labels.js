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
      if (inside(box, bounds) && taken.every((other) => !overlaps(box, other))) {
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

function inside([l, r, b, t], [[x0, x1], [y0, y1]]) {
  const eps = 1e-9
  return l >= x0 - eps && r <= x1 + eps && b >= y0 - eps && t <= y1 + eps
}

export function overlaps([l, r, b, t], [l2, r2, b2, t2]) {
  return l < r2 && l2 < r && b < t2 && b2 < t
}
