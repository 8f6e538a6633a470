// Node tests of the figures' JavaScript library against what floor 1 computes.
// The fixtures (library_*.json) are written by fixtures_library.py into $NT_FIXTURES;
// tests/test_js.py writes them and runs `node --test tests/js/`.

import assert from "node:assert/strict"
import {readFileSync} from "node:fs"
import {join} from "node:path"
import {test} from "node:test"

import {above_polygons, direction_pieces, flat_polygons, level_segments, total_area} from "../../neuron_tutorial/js/directions.js"
import {fmt, formula, pattern_text, signed} from "../../neuron_tutorial/js/format.js"
import {axis_range, clip_line, polygon_area, polygon_centroid} from "../../neuron_tutorial/js/geometry.js"
import {add_neuron, locate, partition_1d, partition_2d, signs_at} from "../../neuron_tutorial/js/partition.js"
import {quantile, quantile_threshold, uniform_quantile} from "../../neuron_tutorial/js/thresholds.js"

const fixture = (name) => JSON.parse(readFileSync(join(process.env.NT_FIXTURES, `library_${name}.json`), "utf8"))
const close = (actual, expected, tol, what) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} != ${expected}`)

test("partition_2d has the regions, patterns and areas of partition.partition_2d", () => {
  for (const c of fixture("partition_2d")) {
    const part = partition_2d(c.w1, c.w2, c.b, c.box)
    assert.deepEqual(part.signs.map(pattern_text).sort(), c.patterns, c.name)
    const areas = part.xs.map((xs, i) => polygon_area(xs, part.ys[i])).sort((p, q) => p - q)
    areas.forEach((area, i) => close(area, c.areas[i], 1e-12, `${c.name} area ${i}`))
    for (const [i, [x, y]] of c.points.entries()) {
      // Each Python region's inner point lies in the JS region with the same pattern.
      const found = locate(part, signs_at(c.w1, c.w2, c.b, x, y, c.box))
      assert.equal(pattern_text(part.signs[found]), c.point_patterns[i], `${c.name} point ${i}`)
    }
  }
})

test("adding a neuron to the partition without it gives the whole partition", () => {
  for (const c of fixture("partition_2d").filter((c) => c.b.length > 1)) {
    for (const k of new Set([0, c.b.length >> 1, c.b.length - 1])) {
      const without = partition_2d(c.w1, c.w2, c.b, c.box, k)
      const added = add_neuron(without, k, c.w1[k], c.w2[k], c.b[k], c.box)
      assert.deepEqual(added.signs.map(pattern_text).sort(), c.patterns, `${c.name}, neuron ${k} added`)
    }
  }
})

test("every region is convex, counter-clockwise, and the areas fill the box", () => {
  for (const c of fixture("partition_2d")) {
    const part = partition_2d(c.w1, c.w2, c.b, c.box)
    let total = 0
    part.xs.forEach((xs, i) => {
      const ys = part.ys[i]
      total += polygon_area(xs, ys)
      for (let j = 0; j < xs.length; j++) {
        const a = (j + 1) % xs.length, b = (j + 2) % xs.length
        const turn = (xs[a] - xs[j]) * (ys[b] - ys[a]) - (ys[a] - ys[j]) * (xs[b] - xs[a])
        assert.ok(turn >= -1e-12, `${c.name}: region ${i} turns clockwise`)
      }
    })
    const [[x0, x1], [y0, y1]] = c.box
    close(total, (x1 - x0) * (y1 - y0), 1e-12, `${c.name} total area`)
  }
})

test("partition_1d has the breakpoints and patterns of partition.partition_1d", () => {
  for (const c of fixture("partition_1d")) {
    const part = partition_1d(c.w, c.b, 0, 1)
    assert.deepEqual(part.breakpoints, c.breakpoints)
    assert.deepEqual(part.regions.map((r) => pattern_text(r.signs)), c.patterns)
  }
})

test("thresholds agree with quantile_thresholds and numpy.quantile", () => {
  const {planes, lines, samples} = fixture("thresholds")
  for (const c of planes) {
    c.b.forEach((b, k) => close(uniform_quantile(c.w1[k], c.w2[k], b, c.q), c.thresholds[k], 1e-12, `plane ${k}`))
  }
  for (const c of lines) {
    c.b.forEach((b, k) => close(quantile_threshold(c.w[k], b, 0, 1, c.q), c.thresholds[k], 1e-12, `line ${k}`))
  }
  for (const c of samples) close(quantile(c.values, c.q), c.quantile, 1e-12, "sample quantile")
})

test("a direction's pieces, zero set and high region agree with directions.py", () => {
  for (const c of fixture("directions")) {
    const pieces = direction_pieces(c.W, c.b, c.v, c.relu)
    assert.equal(pieces.length, c.pieces, c.name)
    const zero = level_segments(pieces).reduce((s, [p, q]) => s + Math.hypot(q[0] - p[0], q[1] - p[1]), 0)
    close(zero, c.zero_length, 1e-9, `${c.name} zero set length`)
    close(total_area(above_polygons(pieces, c.level)), c.above_area, 1e-9, `${c.name} high area`)
    close(total_area(flat_polygons(pieces)), c.flat_area, 1e-9, `${c.name} flat area`)
  }
})

test("numbers are written with JavaScript's rounding, a real minus and no −0.00", () => {
  for (const [x, text] of fixture("format")) assert.equal(fmt(x), text, String(x))
  assert.equal(formula(1.2, -0.35), "1.20\u00b7F \u2212 0.35")
  assert.equal(signed(0.001), "+ 0.00")
  assert.equal(pattern_text(Int8Array.from([1, -1, 0])), "+\u22120")
})

test("clip_line keeps the part of a line inside the box and drops lines that miss it", () => {
  assert.deepEqual(clip_line(1, 0, -0.5), [[0.5, 0.5], [-0, 1]].map((p) => p.map((v) => v + 0)))
  assert.equal(clip_line(1, 0, 2), null)
  assert.equal(clip_line(0, 0, 1), null)
  const [xs, ys] = clip_line(1, 1, -1)
  close(Math.hypot(xs[1] - xs[0], ys[1] - ys[0]), Math.SQRT2, 1e-15, "diagonal length")
  const [cx, cy] = polygon_centroid([0, 1, 0], [0, 0, 1])
  close(cx, 1 / 3, 1e-15, "centroid x")
  close(cy, 1 / 3, 1e-15, "centroid y")
})

test("settings round-trip through the URL hash, clamped to their range and step", async () => {
  const {read_hash, write_hash} = await import("../../neuron_tutorial/js/state.js")
  const params = [{name: "seed", property: "value", start: 0, end: 19, step: 1},
    {name: "live", property: "value", start: 0, end: 1, step: 0.01},
    {name: "mode", property: "active", start: 0, end: 1, step: 1}]
  assert.deepEqual(read_hash("#seed=3&live=0.237&mode=1&other=2", params), {seed: 3, live: 0.24, mode: 1})
  assert.deepEqual(read_hash("#seed=99&live=-1&mode=x", params), {seed: 19, live: 0})
  assert.deepEqual(read_hash("", params), {})
  const values = {seed: 7, live: 0.5, mode: 0}
  assert.deepEqual(read_hash(write_hash(values), params), values)
})

test("axis_range holds the values and 0 on round ends, and keeps a range that still fits", () => {
  const cases = [[[-0.37, 1.42], 0], [[0.01, 0.02], 0.2], [[-3.1, -2.9], 0.2], [[-120, 7], 0], [[0, 0], 0.2]]
  for (const [[low, high], span] of cases) {
    const r = axis_range([low, high], {start: 0, end: 0}, span)
    assert.ok(r.start <= Math.min(low, 0) && r.end >= Math.max(high, 0), `${low} ${high}: ${r.start} ${r.end}`)
    assert.ok(r.end - r.start >= span - 1e-12, `span ${r.end - r.start}`)
    // Its ends are whole multiples of a step of 1, 2 or 5 times a power of ten.
    const step = 10 ** Math.floor(Math.log10((r.end - r.start) / 1.1)) / 5
    for (const end of [r.start, r.end]) close(end / step, Math.round(end / step), 1e-9, `${end} on ${step}`)
    assert.equal(axis_range([low, high], r, span), null, "a range that holds them stays")
  }
  // A range far too wide for the values is replaced.
  assert.notEqual(axis_range([0, 1], {start: -100, end: 100}), null)
})

test("a legend wider than its plot takes one column fewer, never fewer than one", async () => {
  const {fewer_columns} = await import("../../neuron_tutorial/js/legends.js")
  assert.equal(fewer_columns(4, 4), 3)
  assert.equal(fewer_columns(1, 4), 1, "never fewer than one column")
  assert.equal(fewer_columns(6, 3), 2, "no more columns than entries")
  assert.equal(fewer_columns(2, 0), 1)
})
