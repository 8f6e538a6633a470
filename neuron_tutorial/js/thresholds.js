// thresholds: the "high output" levels. Mirrors neuron_tutorial.thresholds
// (quantile_thresholds, _uniform_quantile) and numpy's quantile (linear interpolation).

import {UNIT_BOX} from "./geometry.js"

// q-quantile of w·F + b for F uniform on [lo, hi]: one input.
export function quantile_threshold(w, b, lo, hi, q) {
  const low = b + Math.min(w * lo, w * hi)
  const r = Math.abs(w) * (hi - lo)
  return r === 0 ? low : low + q * r
}

// q-quantile of w1·x + w2·y + b for (x, y) uniform on the box: the sum of two uniforms of
// widths p <= r has a trapezoid density whose distribution function inverts in closed
// form on its three pieces.
export function uniform_quantile(w1, w2, b, q, box = UNIT_BOX) {
  const [[x0, x1], [y0, y1]] = box
  const low = b + Math.min(w1 * x0, w1 * x1) + Math.min(w2 * y0, w2 * y1)
  const [p, r] = [Math.abs(w1) * (x1 - x0), Math.abs(w2) * (y1 - y0)].sort((u, v) => u - v)
  if (r === 0) return low
  if (p === 0) return low + q * r
  if (q <= p / (2 * r)) return low + Math.sqrt(2 * p * r * q)
  if (q <= 1 - p / (2 * r)) return low + q * r + p / 2
  return low + p + r - Math.sqrt(2 * p * r * (1 - q))
}

// numpy.quantile(values, q) with its default linear interpolation.
export function quantile(values, q) {
  const sorted = Float64Array.from(values).sort()
  const pos = q * (sorted.length - 1)
  const lo = Math.floor(pos)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo])
}
