// Node tests of what regions_2d and planes_3d added to the library: Region 1 and 2 near a
// point, crossing points, label placement, the planes' pieces and the 3-D view. Fixtures
// (figures_*.json) are written by fixtures_figures.py from floor 1.

import assert from "node:assert/strict"
import {readFileSync} from "node:fs"
import {join} from "node:path"
import {test} from "node:test"

import {pattern_text} from "../../neuron_tutorial/js/format.js"
import {bias_through, clip_line, clipped_lines, line_crossings, nearest_crossing, point_polygon_distance, polygon_area,
  project_view} from "../../neuron_tutorial/js/geometry.js"
import {candidates_near, overlaps, place_labels, ramp_html} from "../../neuron_tutorial/js/labels.js"
import {describe_regions, partition_2d, plane_pieces, region_pair} from "../../neuron_tutorial/js/partition.js"

const fixture = (name) => JSON.parse(readFileSync(join(process.env.NT_FIXTURES, `figures_${name}.json`), "utf8"))

test("region_pair finds the brute-force pair: most room, or nearest to a point", () => {
  for (const c of fixture("pairs")) {
    const part = partition_2d(c.w1, c.w2, c.b)
    part.areas = part.xs.map((xs, i) => polygon_area(xs, part.ys[i]))
    const pair = region_pair(part, c.k, c.near)
    const got = pair === null ? null : pair.map((i) => pattern_text(part.signs[i]))
    assert.deepEqual(got, c.patterns, `k=${c.k} near=${c.near}`)
  }
})

test("clipped_lines keep the lines that cross the box, numbered from 1; describe_regions counts", () => {
  const lines = clipped_lines([1, 0, 1], [0, 1, 2], [-0.5, 3, 0.2])
  assert.deepEqual(lines.neuron, [1])
  assert.deepEqual([lines.xs[0], lines.ys[0]], clip_line(1, 0, -0.5))
  for (const c of fixture("planes")) {
    const part = partition_2d(c.w1, c.w2, c.b)
    const most = describe_regions(part)
    assert.deepEqual([...part.patterns].sort(), c.floor)
    assert.deepEqual(part.positive, part.patterns.map((p) => [...p].filter((ch) => ch === "+").length))
    assert.equal(most, Math.max(...part.positive))
    assert.ok(Math.abs(part.areas.reduce((s, v) => s + v, 0) - 1) < 1e-12)
  }
})

test("point_polygon_distance is 0 inside and the distance to the nearest edge outside", () => {
  const square = [[0, 1, 1, 0], [0, 0, 1, 1]]
  assert.equal(point_polygon_distance([0.3, 0.6], ...square), 0)
  assert.equal(point_polygon_distance([1.5, 0.5], ...square), 0.5)
  assert.equal(point_polygon_distance([2, 2], ...square), Math.SQRT2)
})

test("line_crossings are the pairwise crossings inside the square", () => {
  for (const c of fixture("crossings")) {
    const got = line_crossings(c.w1, c.w2, c.b)
    assert.equal(got.length, c.crossings.length)
    got.forEach(([x, y, j, l], i) => {
      assert.deepEqual([j, l], c.crossings[i].slice(2))
      assert.ok(Math.hypot(x - c.crossings[i][0], y - c.crossings[i][1]) < 1e-12)
    })
    // The nearest crossing of two other lines to line 0, and line 0 moved through it has it.
    const others = c.crossings.filter(([, , j]) => j !== 0)
    const gap = ([x, y], b = c.b[0]) => Math.abs(c.w1[0] * x + c.w2[0] * y + b) / Math.hypot(c.w1[0], c.w2[0])
    const near = nearest_crossing(c.w1, c.w2, c.b, 0)
    if (others.length === 0) assert.equal(near, null)
    else assert.ok(Math.abs(gap(near) - Math.min(...others.map((p) => gap(p)))) < 1e-12)
    if (near !== null) assert.ok(gap(near, -(c.w1[0] * near[0] + c.w2[0] * near[1])) < 1e-12)
    // A line dragged to a point goes through it, or through a crossing within reach.
    const [x, y] = near ?? [0.5, 0.5]
    const b0 = bias_through(c.w1, c.w2, c.b, 0, [x + 1e-4, y], 0)
    assert.ok(Math.abs(c.w1[0] * (x + 1e-4) + c.w2[0] * y + b0) < 1e-12)
    if (near !== null) assert.ok(gap(near, bias_through(c.w1, c.w2, c.b, 0, [x + 1e-4, y], 1e-3)) < 1e-12)
    // Leaving a neuron out leaves out its crossings.
    assert.ok(line_crossings(c.w1, c.w2, c.b, undefined, 0).every(([, , j, l]) => j !== 0 && l !== 0))
  }
})

test("labels are placed inside the bounds, never on each other or on an obstacle", () => {
  const bounds = [[0, 200], [0, 100]]
  const labels = Array.from({length: 12}, (_, i) => ({width: 40, height: 16,
    candidates: candidates_near([100 + (i % 3), 50], 40, 16, bounds, 16, 3)}))
  const dot = {x: 100, y: 50, width: 20, height: 20}
  const placed = place_labels(labels, bounds, [dot])
  const boxes = placed.flatMap((p) => p === null ? [] : [[p[0] - 20, p[0] + 20, p[1] - 8, p[1] + 8]])
  assert.ok(boxes.length >= 4 && boxes.length < 12)  // some fit, the rest are left out
  boxes.forEach((box, i) => {
    assert.ok(box[0] >= 0 && box[1] <= 200 && box[2] >= 0 && box[3] <= 100)
    assert.ok(!overlaps(box, [90, 110, 40, 60]))
    boxes.slice(i + 1).forEach((other) => assert.ok(!overlaps(box, other)))
  })
  // A label near an edge is clamped inside, not clipped.
  const [[x, y]] = place_labels([{width: 40, height: 16, candidates: candidates_near([199, 99], 40, 16, bounds)}], bounds)
  assert.deepEqual([x, y], [180, 92])
})

test("the count ramp gives count c the colour the mapper gives it, in order", () => {
  const palette = Array.from({length: 256}, (_, i) => `#${i.toString(16).padStart(2, "0")}0000`)
  const html = ramp_html(palette, 4)
  const colours = [0, 64, 128, 192, 255].map((i) => palette[i])
  const at = colours.map((c) => html.indexOf(c))
  assert.ok(at.every((p) => p >= 0) && at.every((p, i) => i === 0 || p > at[i - 1]))
  assert.ok(html.startsWith("<span") && html.endsWith("4</span>"))
})

test("plane_pieces cover each plane once; over a piece its plane keeps its sign and order", () => {
  for (const c of fixture("planes")) {
    const m = c.b.length, scene = plane_pieces(c.w1, c.w2, c.b)
    for (let k = -1; k < m; k++) {
      const area = scene.filter((p) => p.neuron === k).reduce((s, p) => s + polygon_area(p.x, p.y), 0)
      assert.ok(Math.abs(area - 1) < 1e-12, `neuron ${k} covers ${area}`)
    }
    const floor = scene.filter((p) => p.neuron === -1)
    assert.deepEqual(floor.map((p) => pattern_text(p.signs)).sort(), c.floor)
    for (const p of scene.filter((q) => q.neuron >= 0)) {
      const k = p.neuron
      const at = (j, i) => c.w1[j] * p.x[i] + c.w2[j] * p.y[i] + c.b[j]
      p.x.forEach((_, i) => {
        assert.ok(Math.abs(at(k, i) - p.z[i]) < 1e-12)
        assert.ok(at(k, i) * p.signs[0] >= -1e-9)
      })
      for (let j = 0; j < m; j++) {
        const gaps = p.x.map((_, i) => at(j, i) - at(k, i))
        assert.ok(Math.max(...gaps) <= 1e-9 || Math.min(...gaps) >= -1e-9, `plane ${k} crosses ${j} in a piece`)
      }
    }
  }
})

test("project_view is a rotation of the centred, scaled scene", () => {
  const x = [0, 1, 0.3, 0.9], y = [0, 0.2, 1, 0.5], z = [1, -2, 0.5, 0]
  for (const [azimuth, elevation] of [[-35, 25], [90, 0], [180, 90], [12, 47]]) {
    const [sx, sy, depth] = project_view(x, y, z, azimuth, elevation, 0.3)
    x.forEach((_, i) => {
      const norm = (x[i] - 0.5) ** 2 + (y[i] - 0.5) ** 2 + (0.3 * z[i]) ** 2
      assert.ok(Math.abs(sx[i] ** 2 + sy[i] ** 2 + depth[i] ** 2 - norm) < 1e-12)
    })
  }
  const [sx, sy, depth] = project_view([0.5], [0.5], [1], 0, 90)
  assert.ok(Math.abs(sx[0]) < 1e-12 && Math.abs(sy[0]) < 1e-12 && depth[0] < 0)  // from above: nearest
})
