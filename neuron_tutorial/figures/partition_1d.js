// partition_1d: the regions m neurons cut the input line into, drawn on load and redrawn when
// a control moves. The regions are partition_1d's (nt/partition.js, the mirror of
// neuron_tutorial.partition_1d) for the layer shifted by its thresholds: 0 in sign mode and in
// "both boundaries" mode, the 95% quantiles (quantile_thresholds) in "high output" mode.

import {fmt, formula, pattern_text, sign_role} from "nt/format.js"
import {set_text} from "nt/interact.js"
import {LINE, guide_pieces, output_levels, relabel_legend, seeded_layer} from "nt/line.js"
import {partition_1d} from "nt/partition.js"

const SIGN = 0, HIGH = 1, BOTH = 2   // the mode's choices
let busy = false                     // the editor's own changes re-enter: draw once

export default (args, obj, data, context) => {
  if (obj?.event_name === "tap") {
    // A click in either plot picks that input; the slider's change redraws.
    if (Number.isFinite(obj.x)) args.live.value = Math.min(LINE[1], Math.max(LINE[0], obj.x))
    return
  }
  if (busy) return
  busy = true
  try {
    const {w, b, k} = current_layer(args, obj)
    draw(args, w, b, k, context)
  } finally {
    busy = false
  }
}

// The layer: the seed's on load, after a new seed, a new m or a reset; otherwise the current
// one, with the reader's edit of the selected neuron. The editor shows that neuron.
function current_layer(a, obj) {
  const count = a.m.value
  const names = Array.from({length: count}, (_, j) => `Neuron ${j + 1}`)
  const reload = a.layer.data.w.length !== count || obj?.event_name === "button_click"
    || obj === a.seed || obj === a.m
  const {w, b} = reload ? seeded_layer(a.table, a.seed.value, count)
    : {w: [...a.layer.data.w], b: [...a.layer.data.b]}
  const k = names.includes(a.neuron.value) ? names.indexOf(a.neuron.value) : names.length - 1
  if (obj === a.weight) w[k] = a.weight.value
  if (obj === a.bias) b[k] = a.bias.value
  a.layer.data = {w, b}
  if (a.neuron.options.join() !== names.join()) a.neuron.options = names
  if (a.neuron.value !== names[k]) a.neuron.value = names[k]
  if (a.weight.value !== w[k]) a.weight.value = w[k]
  if (a.bias.value !== b[k]) a.bias.value = b[k]
  return {w, b, k}
}

function draw(a, w, b, k, context) {
  const mode = a.mode.active
  const count = w.length
  const thresholds = output_levels(w, b, true)
  const level = mode === HIGH ? thresholds : w.map(() => 0)
  const part = partition_1d(w, b.map((bj, j) => bj - level[j]), LINE[0], LINE[1])
  const x = a.live.value
  // Partition.locate: the region holding x is the number of breakpoints at or left of it.
  const here = part.breakpoints.filter((t) => t <= x).length
  const signs = part.regions[here].signs
  const names = w.map((_, j) => `Neuron ${j + 1}`)

  // Each guide line cut where its neuron crosses its level; the neurons on at x drawn thick.
  // Hidden guide lines are not drawn at all.
  const shown = a.guides.active.includes(0)
  const pieces = shown ? guide_pieces(w, b, level) : {xs: [], ys: [], role: [], neuron: []}
  const on = pieces.neuron.map((j) => signs[j] > 0)
  a.lines.data = {xs: pieces.xs, ys: pieces.ys, role: pieces.role, width: on.map((o) => o ? 3.5 : 1.5),
    alpha: on.map((o) => o ? 1.0 : 0.35), name: pieces.neuron.map((j) => names[j]),
    formula: pieces.neuron.map((j) => formula(w[j], b[j]))}
  const cut = crossings(w, b, level)
  const guided = shown ? cut : []
  a.crossings.data = {x: guided.map(([, r]) => r), y: guided.map(([j]) => level[j])}
  fit_outputs(a.y_range, w, b)
  a.arrows.data = {x: cut.map(([, r]) => r), y: cut.map(([j]) => j + 1),
    angle: cut.map(([j]) => w[j] > 0 ? -Math.PI / 2 : Math.PI / 2)}
  a.breakpoints.data = {x: part.breakpoints}
  // "Both boundaries": where each neuron's output crosses its threshold too.
  const other = mode === BOTH ? crossings(w, b, thresholds) : []
  const on_guides = shown ? other : []
  a.others.data = {x: on_guides.map(([, r]) => r), y: on_guides.map(([j]) => thresholds[j])}
  a.ticks.data = {x: other.map(([, r]) => r), y: other.map(([j]) => j + 1)}

  draw_chart(a, part, cut, count)
  const {lo, hi} = part.regions[here]
  a.here_box.setv({left: lo, right: hi})
  a.chart_here.setv({left: lo, right: hi})
  a.live_span.location = x
  a.plot.visible = shown
  relabel_legend(a.legend, mode === HIGH)
  const item = (name) => a.legend.items.find((i) => i.name === name)
  item("zero_item").visible = part.regions.some((r) => r.signs.some((s) => s === 0))
  item("other_item").visible = mode === BOTH

  const listed = (test) => names.map((_, j) => j).filter(test).map((j) => j + 1).join(", ") || "none"
  const total = part.regions.length
  const pattern = pattern_text(signs)
  let text = `Input F = ${fmt(x)} is in region ${here + 1} of ${total}, ${fmt(lo)} &lt; F &lt; ${fmt(hi)}, `
  if (mode === HIGH) {
    text += `high-output pattern <b>${pattern}</b> (+ high, \u2212 not high). Neurons high there: `
      + `${listed((j) => signs[j] > 0)}.`
  } else {
    text += `sign pattern <b>${pattern}</b>. Neurons positive there: ${listed((j) => signs[j] > 0)}`
    text += mode === BOTH ? `; high there: ${listed((j) => w[j] * x + b[j] > thresholds[j])}.` : "."
  }
  set_text(a.readout, text, context)
  set_text(a.about, describe_neuron(w[k], b[k], thresholds[k], k, mode), context)
}

// Every guide line's extremes (at F = 0 and F = 1) and 0, with a margin: the range changes with
// the layer, never while the input moves.
function fit_outputs(range, w, b) {
  const ends = [...b, ...w.map((wj, j) => wj + b[j]), 0]
  const lo = Math.min(...ends), hi = Math.max(...ends)
  const margin = 0.08 * (hi - lo || 1)
  if (range.start !== lo - margin || range.end !== hi + margin) range.setv({start: lo - margin, end: hi + margin})
}

// [neuron, x] for every neuron whose output crosses its level strictly inside the line.
function crossings(w, b, level) {
  return w.map((wj, j) => [j, partition_1d([wj], [b[j] - level[j]], LINE[0], LINE[1]).breakpoints])
    .filter(([, points]) => points.length === 1).map(([j, points]) => [j, points[0]])
}

// The chart: one column per region, one row per neuron, rows sharing a frame of fixed height.
// Texts go only where they fit, measured in pixels (a triangle at a cell's edge takes room).
function draw_chart(a, part, cut, count) {
  const scale = a.chart.inner_width > 0 ? a.chart.inner_width / (LINE[1] - LINE[0]) : 600
  const row_px = (a.chart.inner_height > 0 ? a.chart.inner_height : 240) / (count + 1.2)
  const font = Math.max(9, Math.min(14, Math.round(0.6 * row_px)))
  a.symbols.text_font_size = `${font}px`
  a.labels.text_font_size = `${Math.min(11, font)}px`
  const root = new Map(cut)
  const near = (p, q) => q !== undefined && Math.abs(p - q) < 1e-9
  const band = {lo: [], hi: [], mid: [], width: [], pattern: [], fill: [], label: [], text_alpha: []}
  const cell = {mid: [], width: [], row: [], role: [], symbol: [], text_alpha: [], pattern: [], region: [],
    span: []}
  part.regions.forEach((region, i) => {
    const text = pattern_text(region.signs)
    const mid = 0.5 * (region.lo + region.hi), width = region.hi - region.lo, px = width * scale
    const label = String(i + 1)
    band.lo.push(region.lo)
    band.hi.push(region.hi)
    band.mid.push(mid)
    band.width.push(width)
    band.pattern.push(text)
    band.fill.push(i % 2 ? "grid" : "background")
    band.label.push(label)
    band.text_alpha.push(px >= 0.62 * Math.min(11, font) * label.length + 2 ? 1 : 0)
    region.signs.forEach((sign, j) => {
      const edge = near(region.lo, root.get(j)) || near(region.hi, root.get(j)) ? 7 : 1
      cell.mid.push(mid)
      cell.width.push(width)
      cell.row.push(j + 1)
      cell.role.push(sign_role(sign))
      cell.symbol.push(text[j])
      cell.text_alpha.push(px / 2 >= 0.35 * font + edge ? 1 : 0)
      cell.pattern.push(text)
      cell.region.push(label)
      cell.span.push(`${fmt(region.lo)} < F < ${fmt(region.hi)}`)
    })
  })
  a.regions.data = band
  a.cells.data = cell
  const total = part.regions.length
  a.chart.title.text = `${total} region${total !== 1 ? "s" : ""} (at most m + 1 = ${count + 1})`
  if (a.rows.start !== count + 0.6) a.rows.setv({start: count + 0.6, end: -0.6})
  // Row 0 is labelled "region" (the Python's label overrides), rows 1..m by their neuron.
  if (a.row_ticks.ticks.length !== count + 1) a.row_ticks.ticks = Array.from({length: count + 1}, (_, j) => j)
}

// The editor's read-out: the neuron's formula, its boundary and what happens there. In "high
// output" mode the boundary is where A − t = 0, so the formula printed is that of A − t.
function describe_neuron(w, b, t, k, mode) {
  const head = `Neuron ${k + 1}: A = ${formula(w, b)}.`
  if (w === 0) return `${head} w = 0: it is constant, with no boundary.`
  const where = (root) => `${fmt(root)}${0 < root && root < 1 ? "" : ", outside [0, 1]"}`
  const sign = ` Boundary x* = \u2212b/w = ${where(-b / w)}: going right, it `
    + `${w > 0 ? "turns on (w &gt; 0)" : "turns off (w &lt; 0)"} there.`
  const high = ` Its threshold t = ${fmt(t)}, so A \u2212 t = ${formula(w, b - t)}, which is 0 at `
    + `x* = ${where(-(b - t) / w)}: going right, it ${w > 0 ? "becomes high" : "stops being high"} there.`
  if (mode === HIGH) return head + high
  return mode === BOTH ? `${head}${sign}<br>${high.trim()}` : head + sign
}
