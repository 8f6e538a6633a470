// regions_2d: the partition of the input square, recomputed in the browser as controls move.
// Mirrors regions_2d.state() in Python: partition_2d (nt/partition.js) of the first m neurons
// of the seed's random_layer(64, 2, seed) with the reader's edits, or of that layer shifted
// by its 95% quantiles (quantile_thresholds) in "high output" mode, and the live input's
// signs as Partition.locate reads them.
// An ES module, compiled once: `memo` survives between calls, so each control recomputes
// only what it changes; an edit splits the cached partition without the chosen neuron by
// that neuron's new line instead of splitting the square by every line again.

import {pattern_text, sign_colour} from "nt/format.js"
import {clip_line, polygon_area, polygon_centroid} from "nt/geometry.js"
import {mark_drawn, set_text} from "nt/interact.js"
import {add_neuron, locate, output_range, outputs_text, partition_2d, region_pair, signs_at} from "nt/partition.js"
import {uniform_quantile} from "nt/thresholds.js"

// The tooltip's formatter (a CustomJSHover, which cannot import) calls this.
globalThis.nt_outputs_text = outputs_text

const memo = {
  seed: null,        // the seed whose neurons `edits` changed
  edits: new Map(),  // neuron index -> [w1, w2, b] set by the reader
  layer: null,       // {m, high, w1, w2, b, t, shifted}: one entry per neuron; t = thresholds
  base: null,        // {k, part}: the partition without neuron k, split again on every edit of k
  part: null,        // the current partition, with `areas` and `pair` (Region 1, Region 2)
  previous: null,    // the input's signs at the last draw: which neurons flipped
  flipped: [],       // the neurons that flipped at the last crossing
  input: null,       // the input drawn last
  most: 1,           // the most positive neurons in any region: the top of the colour ramp
  context: null,     // the callback's context: Bokeh's index of views (see set_text)
}

// Called by every control, by the plot's first layout (the first draw in the browser: with
// many neurons the page carries no partition at all) and by taps and drags on the plot.
export default (args, obj, data, context) => {
  memo.context = context
  if (obj.event_name !== undefined) return move_input(args, obj)
  const is = (...names) => names.some((name) => obj === args[name])
  if (is("plot")) fit(args)
  if (memo.layer === null || is("seed", "m", "mode")) {
    load_layer(args)
    draw_partition(args)
    show_extent(args)
    show_toggles(args)
    draw_input(args)
    mark_drawn()
  } else if (is("plot")) {
    return  // a resize, fitted above; the plot's first layout drew the figure
  } else if (is("w1", "w2", "b")) {
    if (edit(args)) {
      draw_partition(args)
      show_extent(args)
      draw_input(args)
    }
  } else if (is("chosen")) {
    sync_sliders(args)
    draw_chosen(args)
    draw_input(args)
  } else if (is("view")) {
    show_toggles(args)
  } else if (memo.input[0] !== args.f1.value || memo.input[1] !== args.f2.value) {
    draw_input(args)
  }
}

// Tap, or drag anywhere on the plot: the input follows the pointer (the sliders do the rest).
function move_input(a, event) {
  const clamp = (v) => Math.min(1, Math.max(0, v))
  a.f1.value = clamp(event.x)
  a.f2.value = clamp(event.y)
}

function chosen_index(a) {
  return Math.min(Number(a.chosen.value), memo.layer.m) - 1
}

// The square stays square: the ranges follow the plot's shape.
function fit(a) {
  const {inner_width: width, inner_height: height} = a.plot
  if (!(width > 0 && height > 0)) return
  const aspect = width / height
  const [half_x, half_y] = aspect >= 1 ? [0.5 * aspect, 0.5] : [0.5, 0.5 / aspect]
  a.plot.x_range.setv({start: 0.5 - half_x, end: 0.5 + half_x})
  a.plot.y_range.setv({start: 0.5 - half_y, end: 0.5 + half_y})
}

// The bar chart's range (its "extent" in regions_2d.state): every output over the square and 0, with a
// margin. Fixed while the input moves, so a move repaints only the bars, not the axes.
function show_extent(a) {
  const L = memo.layer, [low, high] = output_range(L.w1, L.w2, L.b)
  const lo = Math.min(low, 0), hi = Math.max(high, 0)
  // Only when the bars no longer fit, or fill less than two thirds of it: a change of range
  // repaints the whole chart, axes included.
  const margin = 0.05 * (hi - lo) || 1
  const {start, end} = a.bar_y
  if (start > lo || end < hi || end - start > 1.5 * (hi - lo + 2 * margin)) {
    a.bar_y.setv({start: lo - margin, end: hi + margin})
  }
}

// The seed's first m neurons, the reader's edits, and the thresholds in "high output" mode.
function load_layer(a) {
  const s = a.seed.value, m = a.m.value, high = a.mode.active === 1
  const stride = a.biases.shape[1]
  if (memo.seed !== s) memo.edits.clear()
  memo.seed = s
  const L = {m, high, w1: new Float64Array(m), w2: new Float64Array(m), b: new Float64Array(m),
    t: new Float64Array(m), shifted: new Float64Array(m)}
  for (let k = 0; k < m; k++) {
    const row = s * stride + k
    const [w1, w2, b] = memo.edits.get(k) ?? [a.weights[2 * row], a.weights[2 * row + 1], a.biases[row]]
    L.w1[k] = w1, L.w2[k] = w2, L.b[k] = b
    set_threshold(L, k, a.q)
  }
  memo.layer = L
  memo.base = null
  memo.part = partition_2d(L.w1, L.w2, L.shifted)
  memo.previous = null
  memo.flipped = []
  const options = Array.from({length: m}, (_, k) => [String(k + 1), `Neuron ${k + 1}`])
  if (a.chosen.options.length !== m) a.chosen.options = options
  if (Number(a.chosen.value) > m) a.chosen.value = String(m)
  sync_sliders(a)
  a.bar_range.setv({start: 0.4, end: m + 0.6})
}

// "High output" is the sign of A - t: the layer with biases shifted by the thresholds.
function set_threshold(L, k, q) {
  L.t[k] = L.high ? uniform_quantile(L.w1[k], L.w2[k], L.b[k], q) : 0
  L.shifted[k] = L.b[k] - L.t[k]
}

// The sliders show the chosen neuron; setting them calls back here, and edit() sees no change.
function sync_sliders(a) {
  const L = memo.layer, k = chosen_index(a)
  a.w1.value = L.w1[k]
  a.w2.value = L.w2[k]
  a.b.value = L.b[k]
}

// The reader moved w1, w2 or b of the chosen neuron k: split the partition without k by k's
// new line. Returns false when the sliders only echo the neuron (after sync_sliders).
function edit(a) {
  const L = memo.layer, k = chosen_index(a)
  const values = [a.w1.value, a.w2.value, a.b.value]
  if (values[0] === L.w1[k] && values[1] === L.w2[k] && values[2] === L.b[k]) return false
  L.w1[k] = values[0], L.w2[k] = values[1], L.b[k] = values[2]
  set_threshold(L, k, a.q)
  memo.edits.set(k, values)
  if (memo.base === null || memo.base.k !== k) {
    memo.base = {k, part: partition_2d(L.w1, L.w2, L.shifted, undefined, k)}
  }
  memo.part = add_neuron(memo.base.part, k, L.w1[k], L.w2[k], L.shifted[k])
  return true
}

// Regions, boundary lines, region count and the chosen neuron's view of them.
function draw_partition(a) {
  const L = memo.layer, part = memo.part
  const n = part.xs.length
  const pattern = new Array(n), count = new Array(n)
  let most = 1
  part.areas = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const s = part.signs[i]
    let positive = 0
    for (let k = 0; k < s.length; k++) positive += s[k] > 0
    pattern[i] = pattern_text(s)
    count[i] = positive
    most = Math.max(most, positive)
    part.areas[i] = polygon_area(part.xs[i], part.ys[i])
  }
  part.patterns = pattern
  if (a.mapper.high !== most) a.mapper.high = most
  memo.most = most
  const lines = {xs: [], ys: [], neuron: []}
  for (let k = 0; k < L.m; k++) {
    const segment = clip_line(L.w1[k], L.w2[k], L.shifted[k])
    if (segment !== null) lines.xs.push(segment[0]), lines.ys.push(segment[1]), lines.neuron.push(k + 1)
  }
  a.lines.data = lines
  // The layer as it is now, for the tooltips' outputs.
  a.neurons.data = {w1: Array.from(L.w1), w2: Array.from(L.w2), b: Array.from(L.b), t: Array.from(L.t)}
  const pairs = L.m * (L.m - 1) / 2
  show_text(a.count, `<b>${n}</b> region${n === 1 ? "" : "s"} inside the square. ${L.m} line${L.m === 1 ? "" : "s"} ` +
    `cut the whole plane into at most 1 + ${L.m} + ${pairs} = <b>${1 + L.m + pairs}</b>.`)
  a.regions.data = {xs: part.xs, ys: part.ys, pattern, count, region: Array.from({length: n}, (_, i) => i + 1)}
  draw_chosen(a)
}

// What depends on the chosen neuron: the one-neuron colours, its dashed line, Region 1 and 2.
function draw_chosen(a) {
  const L = memo.layer, part = memo.part, k = chosen_index(a)
  if (a.view.active === 1) draw_neuron_view(a)
  const segment = clip_line(L.w1[k], L.w2[k], L.shifted[k])
  a.chosen_line.data = segment === null ? {xs: [], ys: []} : {xs: [segment[0]], ys: [segment[1]]}
  part.pair = region_pair(part, k)
  const spots = part.pair === null ? [] : part.pair.map((i) => polygon_centroid(part.xs[i], part.ys[i]))
  // Labels lean towards the middle of the square and sit above the higher region's centre,
  // below the lower one's (regions_2d.state): close neighbours' labels never overlap.
  const higher = spots.map((p, i) => {
    const other = spots[spots.length - 1 - i]
    return p[1] > other[1] || (p[1] === other[1] && i === 0)
  })
  a.labels.data = {x: spots.map((p) => p[0]), y: spots.map((p) => p[1]),
    text: ["Region 1", "Region 2"].slice(0, spots.length),
    align: spots.map((p) => (p[0] < 0.5 ? "left" : "right")),
    baseline: higher.map((up) => (up ? "bottom" : "top")), offset: higher.map((up) => (up ? 9 : -9))}
  show_key(a)
}

// The colour key over the square (regions_2d.key_html): the count ramp, with the palette's
// colour for each count as the mapper picks it, or the chosen neuron's two colours.
function show_key(a) {
  const word = memo.layer.high ? ["high", "not high"] : ["positive", "negative"]
  const swatch = (width, fill) => `<span style="display:inline-block;width:${width};height:12px;background:${fill}"></span>`
  if (a.view.active === 1) {
    const k = chosen_index(a)
    show_text(a.key, ["positive", "negative"].map((key, i) =>
      `${swatch("12px", `var(--nt-${key})`)} Neuron ${k + 1} ${word[i]}`).join(" &nbsp; "))
    return
  }
  const most = memo.most, n = a.palette.length
  const stops = Array.from({length: most + 1}, (_, c) => `${a.palette[Math.min(n - 1, Math.floor(n * c / most))]} ` +
    `${(100 * c / (most + 1)).toFixed(2)}% ${(100 * (c + 1) / (most + 1)).toFixed(2)}%`)
  const bar = swatch("160px", `linear-gradient(to right, ${stops.join(", ")})`)
  show_text(a.key, `colour = number of ${word[0]} neurons: <span style="white-space:nowrap">0 ${bar} ${most}</span>`)
}

// The live input: its point, every neuron's output there, the read-out, and the lines whose
// neurons flipped at the last crossing (kept lit until the next one).
function draw_input(a) {
  const L = memo.layer, x = a.f1.value, y = a.f2.value
  memo.input = [x, y]
  const live = signs_at(L.w1, L.w2, L.shifted, x, y)
  if (memo.previous !== null) {
    const flipped = []
    for (let k = 0; k < L.m; k++) {
      if (live[k] !== 0 && memo.previous[k] !== 0 && live[k] !== memo.previous[k]) flipped.push(k)
    }
    if (flipped.length > 0) memo.flipped = flipped
    // On a line the sign is 0: remember the side the input came from until it leaves.
    for (let k = 0; k < L.m; k++) if (live[k] === 0) live[k] = memo.previous[k]
  }
  memo.previous = live
  a.point.data = {x: [x], y: [y]}
  const output = Array.from(L.w1, (w, k) => w * x + L.w2[k] * y + L.b[k])
  const is_flipped = new Set(memo.flipped)
  a.bars.data = {x: output.map((_, k) => k + 1), output, level: Array.from(L.t),
    colour: Array.from(live, (s) => sign_colour(s, a.colours)),
    flipped: output.map((_, k) => (is_flipped.has(k) ? 3 : 0))}
  const crossed = {xs: [], ys: []}
  for (const k of memo.flipped) {
    const segment = clip_line(L.w1[k], L.w2[k], L.shifted[k])
    if (segment !== null) crossed.xs.push(segment[0]), crossed.ys.push(segment[1])
  }
  a.crossed.data = crossed
  show_text(a.readout, readout_text(a, live, x, y))
}

function readout_text(a, live, x, y) {
  const L = memo.layer, part = memo.part
  const word = L.high ? ["high", "not high"] : ["positive", "negative"]
  const positive = live.reduce((sum, s) => sum + (s > 0), 0)
  const where = part.pair === null ? -1 : part.pair.indexOf(locate(part, live))
  let text = `Input F = (${x.toFixed(2)}, ${y.toFixed(2)})${where >= 0 ? `, in Region ${where + 1}` : ""}: ` +
    `sign pattern <b>${pattern_text(live)}</b>, ${positive} of ${L.m} neurons ${word[0]}.`
  if (memo.flipped.length > 0) {
    const names = memo.flipped.map((k) => `<b>Neuron ${k + 1}</b> (now ${live[k] > 0 ? word[0] : word[1]})`)
    text += ` The last boundary crossed flipped ${names.join(" and ")}.`
  }
  return text
}

// What the two toggles change besides the data: the words and threshold marks of "high
// output" mode, and which colouring shows (the one-neuron view is filled when it appears).
function show_toggles(a) {
  const high = memo.layer.high, by_neuron = a.view.active === 1
  a.marks.visible = high
  a.hover.tooltips = a.hover.tooltips.replace(/positive|high/, high ? "high" : "positive")
  if (by_neuron) draw_neuron_view(a)
  a.by_pattern.visible = !by_neuron
  a.by_neuron.visible = by_neuron
  show_key(a)
}

// The one-neuron view has its own source, filled only while it shows: Bokeh recomputes the
// colours of every renderer of a source when its data changes, shown or not.
function draw_neuron_view(a) {
  const k = chosen_index(a)
  const colour = memo.part.signs.map((s) => sign_colour(s[k], a.colours))
  a.neuron_regions.data = {...a.regions.data, colour}
}

const show_text = (div, html) => set_text(div, html, memo.context)
