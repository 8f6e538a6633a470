// Node tests of the library modules the one-neuron and one-input figures use: the level
// bands of single_neuron_2d's colour map, the piecewise guide lines of neurons_1d and
// partition_1d (against floor-1 fixtures written by fixtures_line.py), and the slider values
// access.js gives screen readers.

import assert from "node:assert/strict"
import {readFileSync} from "node:fs"
import {join} from "node:path"
import {test} from "node:test"

import {shown_number, step_decimals, value_text} from "../../neuron_tutorial/js/access.js"
import {level_bands} from "../../neuron_tutorial/js/bands.js"
import {pattern_text} from "../../neuron_tutorial/js/format.js"
import {polygon_area} from "../../neuron_tutorial/js/geometry.js"
import {guide_pieces, output_levels} from "../../neuron_tutorial/js/line.js"
import {partition_1d} from "../../neuron_tutorial/js/partition.js"

const close = (actual, expected, tol, what) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} != ${expected}`)

test("level bands tile the square, each inside its colour bin", () => {
  const cases = [[1, 0.6, -0.8], [-1.2, 0.6, 0.3], [0, 0, 0.4], [0.5, 0.5, 2], [2, 2, 2], [-2, -2, -2],
    [0, 1, -0.5], [1e-9, 0, 0]]
  const [low, high, n] = [-2, 2, 97]
  const bin = (high - low) / n
  for (const [w1, w2, b] of cases) {
    const bands = level_bands(w1, w2, b, low, high, n)
    const area = bands.xs.reduce((sum, xs, i) => sum + polygon_area(xs, bands.ys[i]), 0)
    close(area, 1, 1e-9, `area of ${[w1, w2, b]}`)
    bands.value.forEach((value, i) => {
      const index = Math.round((value - low) / bin - 0.5)
      assert.ok(index >= 0 && index < n)
      for (const [j, x] of bands.xs[i].entries()) {
        const a = w1 * x + w2 * bands.ys[i][j] + b
        if (index > 0) assert.ok(a >= low + index * bin - 1e-9, `${a} below band ${index}`)
        if (index < n - 1) assert.ok(a <= low + (index + 1) * bin + 1e-9, `${a} above band ${index}`)
      }
    })
    assert.equal(new Set(bands.value).size, bands.value.length, "one polygon per band")
  }
})

test("a slider's value is spoken at its step's decimals", () => {
  assert.equal(step_decimals(0.05), 2)
  assert.equal(step_decimals(1), 0)
  assert.equal(step_decimals(1e-7), 7)
  assert.equal(value_text(0.37000000000000005, 0.01), "0.37")
  assert.equal(value_text(1.9000000000000001, 0.05), "1.9")
  assert.equal(value_text(-0.35, 0.05), "-0.35")
  assert.equal(value_text(12, 1), "12")
})

test("a slider's shown text gives its spoken number, when it is one", () => {
  assert.equal(shown_number("0.30"), "0.3")
  assert.equal(shown_number("64"), "64")
  assert.equal(shown_number("-1.00"), "-1")
  assert.equal(shown_number("0.5 .. 0.7"), null)
  assert.equal(shown_number("class 3"), null)
  assert.equal(shown_number(" "), null)
})

const fixture = (name) => JSON.parse(readFileSync(join(process.env.NT_FIXTURES, `${name}.json`), "utf8"))
const ROLE = {1: "positive", [-1]: "negative", 0: "zero"}

test("guide lines are cut where each neuron crosses its level, as partition_1d cuts it alone", () => {
  for (const c of fixture("line_guides")) {
    const level = output_levels(c.w, c.b, c.high)
    level.forEach((t, k) => close(t, c.level[k], 1e-12, `threshold ${k}`))
    const pieces = guide_pieces(c.w, c.b, c.level)
    assert.equal(pieces.xs.length, c.pieces.length)
    c.pieces.forEach((p, i) => {
      assert.equal(pieces.neuron[i], p.neuron)
      assert.equal(pieces.role[i], ROLE[p.sign], `piece ${i} of ${JSON.stringify(c.w)}`)
      close(pieces.xs[i][0], p.interval[0], 1e-12, "start")
      close(pieces.xs[i][1], p.interval[1], 1e-12, "end")
      const k = p.neuron
      close(pieces.ys[i][1], c.w[k] * p.interval[1] + c.b[k], 1e-12, "height")
    })
    const part = partition_1d(c.w, c.b.map((b, k) => b - c.level[k]))
    assert.deepEqual(part.regions.map((r) => pattern_text(r.signs)), c.partition.patterns)
  }
})
