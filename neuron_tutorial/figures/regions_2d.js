// regions_2d: partition_2d (nt/partition.js) of the first m neurons of the seed's
// random_layer(64, 2, seed) with the reader's edits, or of that layer shifted by its 95%
// quantiles in "high output", and the live input's signs. `memo` survives between calls, so a
// control recomputes only what it changes; an edit splits the partition without the chosen
// neuron by its new line instead of splitting the square by every line again.

import {pattern_text, sign_role} from "nt/format.js"
import {axis_range, bias_through, clipped_lines, nearest_crossing, polygon_centroid} from "nt/geometry.js"
import {is_first_draw, is_pointer, set_text} from "nt/interact.js"
import {ramp_html, region_names, swatch_html} from "nt/labels.js"
import {add_neuron, describe_regions, locate, output_range, outputs_text, partition_2d, region_pair, signs_at}
  from "nt/partition.js"
import {uniform_quantile} from "nt/thresholds.js"

// The tooltip's formatter (a CustomJSHover, which cannot import) calls this.
globalThis.nt_outputs_text = outputs_text

const MIN_SPAN = 0.2    // the bar chart's least range: two ticks, at least 0.1 apart (see LEFT)
const SNAP_PIXELS = 10  // a dragged line snaps through a crossing this close; a drag starts this close
const memo = {
  seed: null,        // the seed whose neurons `edits` changed
  edits: new Map(),  // neuron index -> [w1, w2, b] set by the reader
  layer: null,       // {m, high, both, w1, w2, b, t, shifted}: one entry per neuron; t = thresholds
  base: null,        // {k, part}: the partition without neuron k, split again on every edit of k
  part: null,        // the current partition, with `areas`, `patterns` and `pair` (Region 1, 2)
  previous: null,    // the input's signs at the last draw: which neurons flipped
  flipped: [],       // the neurons that flipped at the last crossing
  input: null,       // the input drawn last
  starting: false,   // true while the first draw places the input
  dragging: null,    // "line" while the reader drags the chosen line, else the input moves
  most: 1,           // the most positive neurons in any region: the top of the colour ramp
  context: null,     // the callback's context: Bokeh's index of views (see set_text)
}

export default (args, obj, data, context) => {
  memo.context = context
  if (memo.starting) return  // start_input moves both sliders: one draw afterwards
  const is = (...names) => names.some((name) => obj === args[name])
  // The first call draws everything, whatever called it (and a second copy of this module,
  // should one be made, finds the figure drawn and only rebuilds its memo).
  if (is_first_draw(obj) || memo.layer === null || is("seed", "m", "mode")) {
    draw_all(args)
    if (!is_pointer(obj) || is_first_draw(obj)) return
  }
  if (obj?.event_name === "button_click") return snap(args)
  if (is_pointer(obj)) return pointer(args, obj)
  if (is("plot")) return fit(args)
  if (is("view")) return show_toggles(args)
  if (is("chosen")) return void (sync_sliders(args), draw_chosen(args), draw_input(args))
  if (is("w1", "w2", "b")) {
    if (edit(args)) draw_partition(args), show_extent(args), draw_input(args)
    return
  }
  const moved = memo.input === null || memo.input[0] !== args.f1.value || memo.input[1] !== args.f2.value
  if (moved) draw_input(args)
}

function draw_all(a) {
  load_layer(a), draw_partition(a), show_extent(a), show_toggles(a)
  if (a.point.data.x.length === 0) start_input(a)
  draw_input(a), fit(a)
}

// Tap or drag: the input follows the pointer; a drag that starts on the chosen neuron's line
// moves that line instead (its bias), snapping through a crossing point of two other lines.
function pointer(a, event) {
  const clamp = (v) => Math.min(1, Math.max(0, v))
  if (event.event_name === "panstart") {
    memo.dragging = !memo.layer.high && pixels_to_chosen_line(a, event.x, event.y) <= SNAP_PIXELS ? "line" : null
  }
  if (event.event_name === "panend") return void (memo.dragging = null)
  if (memo.dragging === "line") return move_line(a, event.x, event.y)
  a.f1.value = clamp(event.x), a.f2.value = clamp(event.y)
}

function pixels_to_chosen_line(a, x, y) {
  const L = memo.layer, k = chosen_index(a), norm = Math.hypot(L.w1[k], L.w2[k])
  return norm === 0 ? Infinity : Math.abs(L.w1[k] * x + L.w2[k] * y + L.shifted[k]) / norm * a.plot.inner_width
}

// The chosen line through (x, y), or through a crossing point of two others within reach.
function move_line(a, x, y) {
  const L = memo.layer, b = bias_through(L.w1, L.w2, L.b, chosen_index(a), [x, y], SNAP_PIXELS / a.plot.inner_width)
  a.b.value = Math.min(a.b.end, Math.max(a.b.start, b))
}

// The button: the chosen line through the nearest crossing of two others (the square loses a region).
function snap(a) {
  const L = memo.layer, k = chosen_index(a), near = L.high ? null : nearest_crossing(L.w1, L.w2, L.b, k)
  if (near !== null) a.b.value = -(L.w1[k] * near[0] + L.w2[k] * near[1])
}

const chosen_index = (a) => Math.min(Number(a.chosen.value), memo.layer.m) - 1

// The frame hugs the square: the plot's height makes its frame as tall as it is wide. Only
// the width changes it (a resize), never a control.
function fit(a) {
  const plot = a.plot, width = plot.inner_width, height = plot.inner_height
  if (!(width > 0 && height > 0)) return
  const wanted = Math.round(plot.height - height + width)
  if (Math.abs(wanted - plot.height) >= 2) plot.height = wanted  // no 1-px hunting from rounding
  if (memo.part !== null) draw_labels(a)
}

// The bar chart's range: every output over the square and 0 (nt/geometry.js axis_range). A new
// range repaints and measures the axes again, so it changes only when the bars need it.
function show_extent(a) {
  const range = axis_range(output_range(memo.layer.w1, memo.layer.w2, memo.layer.b), a.bar_y, MIN_SPAN)
  if (range !== null) a.bar_y.setv(range)
}

// The seed's first m neurons, the reader's edits, and the thresholds ("high output" and "both").
function load_layer(a) {
  const s = a.seed.value, m = a.m.value, high = a.mode.active === 1, both = a.mode.active === 2
  const stride = a.biases.shape[1]
  if (memo.seed !== s) memo.edits.clear()
  memo.seed = s
  const L = {m, high, both, w1: new Float64Array(m), w2: new Float64Array(m), b: new Float64Array(m),
    t: new Float64Array(m), shifted: new Float64Array(m)}
  for (let k = 0; k < m; k++) {
    const row = s * stride + k
    const [w1, w2, b] = memo.edits.get(k) ?? [a.weights[2 * row], a.weights[2 * row + 1], a.biases[row]]
    L.w1[k] = w1, L.w2[k] = w2, L.b[k] = b
    set_threshold(L, k, a.q)
  }
  Object.assign(memo, {layer: L, base: null, part: partition_2d(L.w1, L.w2, L.shifted), previous: null, flipped: []})
  const options = Array.from({length: m}, (_, k) => [String(k + 1), `Neuron ${k + 1}`])
  if (a.chosen.options.length !== m) a.chosen.options = options
  if (Number(a.chosen.value) > m) a.chosen.value = String(m)
  sync_sliders(a)
  a.bar_range.setv({start: 0.4, end: m + 0.6})
  a.snap.disabled = high
}

// "High output" is the sign of A - t: the layer with biases shifted by the thresholds. In
// "both lines" the regions stay those of the signs and the thresholds give the dashed lines.
function set_threshold(L, k, q) {
  L.t[k] = L.high || L.both ? uniform_quantile(L.w1[k], L.w2[k], L.b[k], q) : 0
  L.shifted[k] = L.high ? L.b[k] - L.t[k] : L.b[k]
}

// The sliders show the chosen neuron; setting them calls back here, and edit() sees no change.
function sync_sliders(a) {
  const L = memo.layer, k = chosen_index(a)
  a.w1.value = L.w1[k], a.w2.value = L.w2[k], a.b.value = L.b[k]
}

// The reader moved w1, w2 or b of the chosen neuron k (or dragged its line): split the
// partition without k by k's new line. False when the sliders only echo the neuron.
function edit(a) {
  const L = memo.layer, k = chosen_index(a)
  const values = [a.w1.value, a.w2.value, a.b.value]
  if (values[0] === L.w1[k] && values[1] === L.w2[k] && values[2] === L.b[k]) return false
  L.w1[k] = values[0], L.w2[k] = values[1], L.b[k] = values[2]
  set_threshold(L, k, a.q)
  memo.edits.set(k, values)
  if (memo.base?.k !== k) memo.base = {k, part: partition_2d(L.w1, L.w2, L.shifted, undefined, k)}
  memo.part = add_neuron(memo.base.part, k, L.w1[k], L.w2[k], L.shifted[k])
  return true
}

// Regions, boundary lines, region count and the chosen neuron's view of them.
function draw_partition(a) {
  const L = memo.layer, part = memo.part, n = part.xs.length
  memo.most = Math.max(1, describe_regions(part))
  if (a.mapper.high !== memo.most) a.mapper.high = memo.most
  a.lines.data = clipped_lines(L.w1, L.w2, L.shifted)
  const {xs, ys} = clipped_lines(L.w1, L.w2, L.both ? Array.from(L.b, (b, k) => b - L.t[k]) : [])
  if (xs.length > 0 || a.high_lines.data.xs.length > 0) a.high_lines.data = {xs, ys}
  // The layer as it is now, for the tooltips' outputs.
  a.neurons.data = {w1: Array.from(L.w1), w2: Array.from(L.w2), b: Array.from(L.b), t: Array.from(L.t)}
  const pairs = L.m * (L.m - 1) / 2
  show_text(a.count, `<b>${n}</b> region${n === 1 ? "" : "s"} inside the square. ${L.m} line${L.m === 1 ? "" : "s"} ` +
    `cut the whole plane into at most 1 + ${L.m} + ${pairs} = <b>${1 + L.m + pairs}</b>.`)
  // Typed columns: Bokeh walks plain arrays element by element looking for models.
  a.regions.data = {xs: part.xs, ys: part.ys, pattern: part.patterns, count: Int32Array.from(part.positive),
    region: Int32Array.from({length: n}, (_, i) => i + 1)}
  draw_chosen(a)
}

// What depends on the chosen neuron: the one-neuron colours, its bold line, Region 1 and 2.
function draw_chosen(a) {
  const L = memo.layer, k = chosen_index(a)
  if (a.view.active === 1) draw_neuron_view(a)
  const {xs, ys} = clipped_lines([L.w1[k]], [L.w2[k]], [L.shifted[k]])
  a.chosen_line.data = {xs, ys}
  choose_pair(a, true)
  show_key(a)
}

// Region 1 and Region 2: the neighbours across the chosen neuron's line nearest the input (at
// first, before there is one, those with the most room). Kept while the input is in one of
// them; chosen again when it leaves them or `again`. Their names move clear of the input.
function choose_pair(a, again) {
  const part = memo.part, k = chosen_index(a), input = memo.input
  const where = input === null ? -1 : locate(part, signs_at(memo.layer.w1, memo.layer.w2, memo.layer.shifted, ...input))
  if (again || part.pair == null || !part.pair.includes(where)) part.pair = region_pair(part, k, input)
  draw_labels(a)
}

// Each region's name inside it, clear of the input dot, the other name and the frame's edges.
function draw_labels(a) {
  const part = memo.part, size = [a.plot.inner_width, a.plot.inner_height]
  const dot = memo.input === null ? [] : [memo.input]
  const labels = part.pair == null || !(size[0] > 0 && size[1] > 0) ? {x: [], y: [], text: []}
    : region_names(part, part.pair, ["Region 1", "Region 2"], size, dot)
  // An edit places them twice (for the new line, then for the input): one new data, if any.
  if (JSON.stringify(labels) !== JSON.stringify(a.labels.data)) a.labels.data = labels
}

// The colour key beside the square: the count ramp, or the chosen neuron's colours.
function show_key(a) {
  const L = memo.layer, k = chosen_index(a), word = L.high ? ["high", "not high"] : ["positive", "negative"]
  if (a.view.active === 0) return show_text(a.key, `colour = number of ${word[0]} neurons:<br>${ramp_html(a.mapper.palette, memo.most)}`)
  const constant = L.w1[k] === 0 && L.w2[k] === 0 && L.shifted[k] === 0
  const entries = constant ? [["zero", "0 everywhere"]] : [["positive", word[0]], ["negative", word[1]]]
  show_text(a.key, entries.map(([role, text]) => `<span style="white-space:nowrap;margin-right:16px">` +
    `${swatch_html(`var(--nt-${role})`)}Neuron ${k + 1} ${text}</span>`).join(" "))
}

// The first input: inside Region 1, halfway from its centre to the chosen line, so that one
// short drag crosses into Region 2.
function start_input(a) {
  const part = memo.part, pair = part.pair, L = memo.layer, k = chosen_index(a)
  const [c1, c2] = pair == null ? [[0.5, 0.5], [0.5, 0.5]] : pair.map((i) => polygon_centroid(part.xs[i], part.ys[i]))
  let point = [0.75 * c1[0] + 0.25 * c2[0], 0.75 * c1[1] + 0.25 * c2[1]]
  if (pair != null && L.w1[k] * point[0] + L.w2[k] * point[1] + L.shifted[k] >= 0) point = c1
  memo.starting = true
  a.f1.value = Math.round(point[0] * 100) / 100, a.f2.value = Math.round(point[1] * 100) / 100
  memo.starting = false
}

// The live input: its point, every neuron's output there, the read-out, and the lines whose
// neurons flipped at the last crossing (kept lit until the next one; set only when they change).
function draw_input(a) {
  const L = memo.layer, x = a.f1.value, y = a.f2.value
  memo.input = [x, y]
  const live = signs_at(L.w1, L.w2, L.shifted, x, y)
  const was = memo.previous
  if (was !== null) {
    const flipped = [...live.keys()].filter((k) => live[k] !== 0 && was[k] !== 0 && live[k] !== was[k])
    if (flipped.length > 0) memo.flipped = flipped
    // On a line the sign is 0: remember the side the input came from until it leaves (a
    // constant neuron with bias 0 is 0 everywhere and stays so).
    live.forEach((s, k) => { if (s === 0 && (L.w1[k] !== 0 || L.w2[k] !== 0)) live[k] = was[k] })
  }
  memo.previous = live
  if (a.point.data.x[0] !== x || a.point.data.y[0] !== y) a.point.data = {x: [x], y: [y]}
  const output = Array.from(L.w1, (w, k) => w * x + L.w2[k] * y + L.b[k])
  const is_flipped = new Set(memo.flipped)
  a.bars.data = {x: output.map((_, k) => k + 1), output, level: Array.from(L.t),
    role: Array.from(live, sign_role), flipped: output.map((_, k) => (is_flipped.has(k) ? 3 : 0))}
  a.bar_legend.items[2].visible = live.some((s) => s === 0)
  const {xs, ys} = clipped_lines(...[L.w1, L.w2, L.shifted].map((c) => memo.flipped.map((k) => c[k])))
  if (JSON.stringify({xs, ys}) !== JSON.stringify(a.crossed.data)) a.crossed.data = {xs, ys}
  choose_pair(a, false)
  show_text(a.readout, readout_text(a, live, x, y))
}

function readout_text(a, live, x, y) {
  const L = memo.layer, part = memo.part
  const word = L.high ? ["high", "not high"] : ["positive", "negative"]
  const positive = live.reduce((sum, s) => sum + (s > 0), 0)
  const where = part.pair == null ? -1 : part.pair.indexOf(locate(part, live))
  let text = `Input F = (${x.toFixed(2)}, ${y.toFixed(2)})${where >= 0 ? `, in Region ${where + 1}` : ""}.<br>` +
    `Sign pattern <b style="word-break:break-all">${pattern_text(live)}</b>: ${positive} of ${L.m} neurons ${word[0]}.`
  const flipped = memo.flipped
  if (flipped.length > 2) {
    // A tap can cross many lines at once: a count, so the read-out keeps its height.
    const up = flipped.filter((k) => live[k] > 0).length
    text += `<br>The last move crossed <b>${flipped.length}</b> boundaries (bold): ${up} neurons now ` +
      `${word[0]}, ${flipped.length - up} now ${word[1]}.`
  } else if (flipped.length > 0) {
    const names = flipped.map((k) => `<b>Neuron ${k + 1}</b> (now ${live[k] > 0 ? word[0] : word[1]})`)
    text += `<br>The last boundary crossed flipped ${names.join(" and ")}.`
  }
  return text
}

// What the toggles change besides the data: the words and threshold marks of "high output",
// the legend's lines, and which colouring shows (the one-neuron view is filled when it appears).
function show_toggles(a) {
  const L = memo.layer, by_neuron = a.view.active === 1
  a.marks.visible = L.high || L.both
  a.hover.tooltips = a.hover.tooltips.replace(/positive|high/, L.high ? "high" : "positive")
  a.legend.items[0].label = {value: L.high ? "high-output line (A = t)" : "boundary (A = 0)"}
  a.legend.items[1].visible = L.both
  if (by_neuron) draw_neuron_view(a)
  a.by_pattern.visible = !by_neuron, a.by_neuron.visible = by_neuron
  show_key(a)
}

// The one-neuron view has its own source, filled only while it shows: Bokeh recomputes the
// colours of every renderer of a source when its data changes, shown or not.
function draw_neuron_view(a) {
  const k = chosen_index(a), {xs, ys} = a.regions.data
  a.neuron_regions.data = {xs, ys, role: memo.part.signs.map((s) => sign_role(s[k]))}
}

const show_text = (div, html) => set_text(div, html, memo.context)
