// bands: the exact level bands of an affine function A = w1·x + w2·y + b over a box, a crisp
// colour map: the regions between consecutive level lines, as convex polygons. A colour
// mapper with n colours over [low, high] paints band i with colour i (values below low and
// above high go to the end colours, as Bokeh's LinearColorMapper clamps them).
// No Python twin: tests/js/figures_1d.test.mjs checks it against the function it cuts.

import {UNIT_BOX, clip_polygon} from "./geometry.js"

// The n bands of A over the box: {xs, ys, value}, one entry per band that meets the box;
// value is the centre of the band's colour bin (what the mapper reads).
export function level_bands(w1, w2, b, low, high, n, box = UNIT_BOX) {
  const [[x0, x1], [y0, y1]] = box
  const square = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
  const bin = (high - low) / n
  const at = ([x, y]) => w1 * x + w2 * y + b
  const values = square.map(at)
  const bin_of = (v) => Math.min(n - 1, Math.max(0, Math.floor((v - low) / bin)))
  const first = bin_of(Math.min(...values)), last = bin_of(Math.max(...values))
  const bands = {xs: [], ys: [], value: []}
  for (let i = first; i <= last; i++) {
    let poly = square
    if (i > 0) poly = clip_polygon(poly, [w1, w2], b - (low + i * bin))          // A >= lower edge
    if (i < n - 1) poly = clip_polygon(poly, [-w1, -w2], low + (i + 1) * bin - b)  // A <= upper edge
    if (poly.length < 3) continue
    bands.xs.push(poly.map((p) => p[0]))
    bands.ys.push(poly.map((p) => p[1]))
    bands.value.push(low + (i + 0.5) * bin)
  }
  return bands
}
