// partition_1d: the regions m neurons cut the input line into, redrawn when a control moves.
// Mirrors partition_1d.state() and describe_neuron() in Python. The regions come from
// partition_1d() in layer_1d.js, the mirror of neuron_tutorial.partition_1d, applied to the
// layer shifted by its thresholds (0 in sign mode), like partition_1d(layer.shifted(t)).

import {fmt, formula, pattern_text, scheme, sign_colour} from "nt/format.js"
import {RELATIVE_TOLERANCE} from "nt/geometry.js"
import {LINE, output_levels, relabel_legend, seeded_layer} from "nt/line.js"
import {partition_1d} from "nt/partition.js"

export default (args, cb_obj) => {
  const {table, layer, lines, crossings, regions, cells, arrows, breakpoints, mode, live, guides, seed, m, neuron, weight, bias, readout, about, plot, chart, legend, here_box, chart_here, live_span, rows, row_ticks, row_axis, colours, themes, narrow, row_height} = args
  const event = cb_obj.event_name
  if (event === "tap") {
    // A click in either plot picks that input; moving the slider redraws.
    if (Number.isFinite(cb_obj.x)) live.value = Math.min(LINE[1], Math.max(LINE[0], cb_obj.x))
    return
  }

  // The layer: the seed's after a new seed, a new m or a reset; otherwise the current one,
  // with the edit the reader just made to the selected neuron.
  const names = Array.from({length: m.value}, (_, j) => `Neuron ${j + 1}`)
  const reload = event === "button_click" || cb_obj === seed || cb_obj === m
  const {w, b} = reload ? seeded_layer(table, seed.value, m.value)
    : {w: [...layer.data.w], b: [...layer.data.b]}
  const k = names.includes(neuron.value) ? names.indexOf(neuron.value) : names.length - 1
  if (cb_obj === weight) w[k] = weight.value
  if (cb_obj === bias) b[k] = bias.value
  layer.data = {w, b}
  // Keep the editor showing the selected neuron (each change below re-enters as a no-op).
  neuron.options = names
  if (neuron.value !== names[k]) neuron.value = names[k]
  if (weight.value !== w[k]) weight.value = w[k]
  if (bias.value !== b[k]) bias.value = b[k]

  const high = mode.active === 1
  const count = w.length
  const theme = themes[scheme()]
  const level = output_levels(w, b, high)
  const part = partition_1d(w, b.map((bj, j) => bj - level[j]), LINE[0], LINE[1])
  const x = live.value
  // Partition.locate: the region holding x is the number of breakpoints at or left of it.
  const here = part.breakpoints.filter((t) => t <= x).length
  const on = part.regions[here].signs.map((s) => s > 0)
  const tol = RELATIVE_TOLERANCE * (LINE[1] - LINE[0])
  const inside = part.roots.map((r, j) => w[j] !== 0 && r > LINE[0] + tol && r < LINE[1] - tol)

  const guide = {xs: [], ys: [], colour: [], width: [], alpha: [], name: [], formula: []}
  w.forEach((wj, j) => {
    const cuts = inside[j] ? [[LINE[0], part.roots[j], -Math.sign(wj)], [part.roots[j], LINE[1], Math.sign(wj)]]
      : [[LINE[0], LINE[1], part.regions[0].signs[j]]]
    for (const [start, end, sign] of cuts) {
      guide.xs.push([start, end])
      guide.ys.push([wj * start + b[j], wj * end + b[j]])
      guide.colour.push(sign_colour(sign, colours))
      guide.width.push(on[j] ? 3.5 : 1.5)
      guide.alpha.push(on[j] ? 1.0 : 0.35)
      guide.name.push(names[j])
      guide.formula.push(formula(wj, b[j]))
    }
  })
  lines.data = guide
  const crossed = names.map((_, j) => j).filter((j) => inside[j])
  crossings.data = {x: crossed.map((j) => part.roots[j]), y: crossed.map((j) => level[j])}
  arrows.data = {x: crossed.map((j) => part.roots[j]), y: crossed.map((j) => j + 1),
    angle: crossed.map((j) => w[j] > 0 ? -Math.PI / 2 : Math.PI / 2)}
  breakpoints.data = {x: part.breakpoints}

  const band = {lo: [], hi: [], mid: [], width: [], pattern: [], fill: [], label: [], text_alpha: []}
  const cell = {mid: [], width: [], row: [], colour: [], symbol: [], text_alpha: [], pattern: [],
    region: [], span: []}
  part.regions.forEach((region, i) => {
    const text = pattern_text(region.signs)
    const wide = region.hi - region.lo >= narrow ? 1.0 : 0.0
    band.lo.push(region.lo)
    band.hi.push(region.hi)
    band.mid.push(0.5 * (region.lo + region.hi))
    band.width.push(region.hi - region.lo)
    band.pattern.push(text)
    band.fill.push(i % 2 ? theme.grid : theme.background)
    band.label.push(String(i + 1))
    band.text_alpha.push(wide)
    region.signs.forEach((sign, j) => {
      cell.mid.push(0.5 * (region.lo + region.hi))
      cell.width.push(region.hi - region.lo)
      cell.row.push(j + 1)
      cell.colour.push(sign_colour(sign, colours))
      cell.symbol.push(text[j])
      cell.text_alpha.push(wide)
      cell.pattern.push(text)
      cell.region.push(String(i + 1))
      cell.span.push(`${fmt(region.lo)} < F < ${fmt(region.hi)}`)
    })
  })
  regions.data = band
  cells.data = cell

  // The selected region, the count against its bound, the rows for m neurons.
  const {lo, hi} = part.regions[here]
  here_box.setv({left: lo, right: hi})
  chart_here.setv({left: lo, right: hi})
  live_span.location = x
  const total = part.regions.length
  chart.title.text = `${total} region${total !== 1 ? "s" : ""} (at most m + 1 = ${count + 1})`
  const height = 120 + row_height * (count + 1)
  if (chart.height !== height) chart.height = height
  rows.setv({start: count + 0.6, end: -0.6})
  row_ticks.ticks = Array.from({length: count + 1}, (_, j) => j)
  row_axis.major_label_overrides = Object.fromEntries([[0, "region"],
    ...names.map((_, j) => [j + 1, String(j + 1)])])
  plot.visible = guides.active.includes(0)
  relabel_legend(legend, high)

  const word = high ? "high" : "positive"
  const listed = names.map((_, j) => j).filter((j) => on[j]).map((j) => j + 1).join(", ") || "none"
  readout.text = `Input F = ${fmt(x)} is in region ${here + 1} of ${total}, ${fmt(lo)} &lt; F `
    + `&lt; ${fmt(hi)}, sign pattern <b>${pattern_text(part.regions[here].signs)}</b>. `
    + `Neurons ${word} there: ${listed}.`

  // partition_1d.describe_neuron: the selected neuron's formula, boundary and turn.
  function describe_neuron(j) {
    const text = `Neuron ${j + 1}: A = ${formula(w[j], b[j])}. `
    if (w[j] === 0) return text + "w = 0: it is constant, with no boundary."
    const root = -(b[j] - level[j]) / w[j]
    const where = 0 < root && root < 1 ? "" : ", outside [0, 1]"
    const turn = w[j] > 0 ? "turns on (w &gt; 0)" : "turns off (w &lt; 0)"
    return text + `Boundary x* = ${fmt(root)}${where}: going right, it ${turn} there.`
  }
  about.text = describe_neuron(k)
}
