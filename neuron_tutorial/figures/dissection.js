// dissection: draw the measured toy-world dissection from the build's tables (dissection.py).
// The curves: mean ± sd over the networks of the chosen count at the chosen IoU threshold. The
// tiles: every live direction of network 0 at the chosen α, its mask (decoded from runs: row,
// first column, length) with the outline of the concept it matches best, a thick frame when it is
// a detector; the chosen one also on the concept map. Runs on load (style.draw_on_load) and on
// every control; a tap on a tile chooses it.

import {one_decimal} from "nt/format.js"
import {is_pointer} from "nt/interact.js"

export default (args, obj) => {
  const a = args
  const example = a.shown[a.activations[a.activation.active]]
  const j = Math.round(a.alpha.value * 10)
  const live = example.concept[j].length
  if (is_pointer(obj)) {
    const d = tile_at(a.layout, obj.x, obj.y)
    if (d !== null && d < live) a.direction.value = d + 1
    return
  }
  if (a.direction.end !== live) a.direction.end = live
  if (a.direction.value > live) return (a.direction.value = live)   // its own change redraws
  const t = Math.round((a.threshold.value - a.thresholds[0]) / 0.05)
  const key = a.measure.active === 0 ? "unique" : "detectors"
  const curves = draw_curves(a, key, t)
  a.here.location = a.alphas[j]
  const limit = a.thresholds[t]
  draw_tiles(a, example, j, limit)

  const d = a.direction.value - 1
  const c = example.concept[j][d], score = example.iou[j][d]
  const runs = decode(example.masks[j][d], a.runs, a.size, 0, 0)
  const role = a.roles[a.activations[a.activation.active]]
  a.chosen_cells.data = {...runs, role: runs.x.map(() => role)}
  a.chosen_outline.data = c >= 0 ? a.concepts[c].outline : {x: [], y: []}

  const what = j === 0 ? "neuron" : "direction"
  const detectors = example.iou[j].filter((s) => s >= limit).length
  const network = a.activation.active === 0 ? "ReLU" : "linear"
  const verdict = c < 0 ? "never active: no concept"
    : `${a.concepts[c].name}, IoU ${cut(score)}: ${score >= limit ? "a detector" : "not a detector"}`
  a.readout.text = `\u03b1 = ${a.alphas[j].toFixed(1)}: ` + a.activations.map((act) =>
    `${a.names[act]} ${one_decimal(curves[act].mean[j])} \u00b1 ${one_decimal(curves[act].sd[j])}`).join("; ") +
    ` ${a.measures[a.measure.active]} (IoU \u2265 ${limit.toFixed(2)}).<br>Network 0 (${network}): ` +
    `${detectors} of its ${live} ${what}s are detectors. <b>${what[0].toUpperCase()}${what.slice(1)} ` +
    `${d + 1}</b> \u2192 ${verdict}.`
  // Short enough for a 320-px phone (a plot's title does not wrap): the readout names network 0,
  // the toggle above it the activation.
  a.tiles.title.text = `Each live ${what}'s top 10%, \u03b1 = ${a.alphas[j].toFixed(1)}`
}

// An IoU cut to two decimals: it reads "0.54" for 0.549, which is not a detector at 0.55.
const cut = (iou) => (Math.floor(iou * 100 + 1e-9) / 100).toFixed(2)

// The curves of both activations: a band from mean − sd to mean + sd with its two edges, the mean.
function draw_curves(a, key, t) {
  const traces = {xs: [], ys: [], role: [], dash: [], width: []}
  const bands = {xs: [], ys: [], role: []}
  const means = {x: [], y: [], role: [], marker: []}
  const curves = {}
  a.activations.forEach((act, i) => {
    const mean = a.table[`${act}_${key}_mean`][t], sd = a.table[`${act}_${key}_sd`][t]
    const low = mean.map((m, k) => m - sd[k]), high = mean.map((m, k) => m + sd[k])
    const role = a.roles[act]
    curves[act] = {mean, sd}
    bands.xs.push([...a.alphas, ...[...a.alphas].reverse()])
    bands.ys.push([...high, ...[...low].reverse()])
    bands.role.push(role)
    for (const [ys, dash, width] of [[low, "dotted", 1], [high, "dotted", 1], [mean, i === 0 ? "solid" : "dashed", 3]]) {
      traces.xs.push(a.alphas)
      traces.ys.push(ys)
      traces.role.push(role)
      traces.dash.push(dash)
      traces.width.push(width)
    }
    means.x.push(...a.alphas)
    means.y.push(...mean)
    for (const _ of a.alphas) means.role.push(role), means.marker.push(i === 0 ? "circle" : "square")
  })
  a.bands.data = bands
  a.traces.data = traces
  a.means.data = means
  return curves
}

// Where tile d sits: its lower-left corner (tiles are 1 × 1, captions below them).
function corner({columns, gap, caption, rows}, d) {
  return [(d % columns) * (1 + gap), (rows - 1 - Math.floor(d / columns)) * (1 + caption) + caption]
}

function tile_at(layout, x, y) {
  const col = Math.floor(x / (1 + layout.gap)), line = layout.rows - 1 - Math.floor(y / (1 + layout.caption))
  if (col < 0 || col >= layout.columns || line < 0 || line >= layout.rows) return null
  return line * layout.columns + col
}

// A mask's runs as rectangles, the tile's lower-left corner at (x0, y0).
function decode(text, alphabet, size, x0, y0) {
  const out = {x: [], y: [], width: [], height: []}
  for (let i = 0; i + 2 < text.length; i += 3) {
    const [row, start, length] = [0, 1, 2].map((k) => alphabet.indexOf(text[i + k]))
    out.x.push(x0 + (start + length / 2) / size)
    out.y.push(y0 + (row + 0.5) / size)
    out.width.push(length / size)
    out.height.push(1 / size)
  }
  return out
}

function draw_tiles(a, example, j, limit) {
  const role = a.roles[a.activations[a.activation.active]]
  const cells = {x: [], y: [], width: [], height: [], role: []}
  const frames = {x: [], y: [], width: []}
  const outlines = {xs: [], ys: []}
  const captions = {x: [], y: [], text: []}
  example.concept[j].forEach((c, d) => {
    const [x0, y0] = corner(a.layout, d)
    const runs = decode(example.masks[j][d], a.runs, a.size, x0, y0)
    for (const k of Object.keys(runs)) cells[k].push(...runs[k])
    for (const _ of runs.x) cells.role.push(role)
    const score = example.iou[j][d]
    frames.x.push(x0 + 0.5)
    frames.y.push(y0 + 0.5)
    frames.width.push(score >= limit ? 3 : 0.75)
    if (c >= 0) {
      const {x, y} = a.concepts[c].outline
      outlines.xs.push([...x, x[0]].map((v) => x0 + v))
      outlines.ys.push([...y, y[0]].map((v) => y0 + v))
    }
    captions.x.push(x0 + 0.5)
    captions.y.push(y0 - a.layout.caption / 2)
    captions.text.push(`${d + 1} \u00b7 ${c >= 0 ? cut(score) : "dead"}`)
  })
  a.cells.data = cells
  a.frames.data = frames
  a.outlines.data = outlines
  a.captions.data = captions
  const [x0, y0] = corner(a.layout, a.direction.value - 1)
  a.chosen.data = {x: [x0 + 0.5], y: [y0 + (1 - a.layout.caption) / 2]}
}
