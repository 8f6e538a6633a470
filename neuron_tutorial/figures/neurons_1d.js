// neurons_1d: draw every neuron's line, its dot at the live input and its bars, on load and
// when a control moves. Outputs A_k = w_k F + b_k of random_layer(m, 1, seed) (nt/line.js's
// seeded_layer); each line coloured piece by piece by its own sign, or in "high output" mode
// by the sign of A_k − t_k, t_k its 95% quantile (quantile_thresholds: output_levels).

import {formula, sign_role} from "nt/format.js"
import {set_text} from "nt/interact.js"
import {guide_pieces, output_levels, relabel_legend, seeded_layer} from "nt/line.js"

export default (args, obj, data, context) => {
  const {table, lines, dots, bars, live, mode, seed, m, inputs, input_names, live_span, readout, bar_range, marks, marks_legend, legend, plot, y_range} = args
  const k = m.value
  const x = live.value
  const high = mode.active === 1
  const {w, b} = seeded_layer(table, seed.value, k)
  const level = output_levels(w, b, high)
  const names = w.map((_, j) => `Neuron ${j + 1}`)

  const pieces = guide_pieces(w, b, level)
  lines.data = {xs: pieces.xs, ys: pieces.ys, role: pieces.role,
    name: pieces.neuron.map((j) => names[j]), formula: pieces.neuron.map((j) => formula(w[j], b[j]))}
  const at_live = w.map((wj, j) => wj * x + b[j])
  dots.data = {x: new Array(k).fill(x), y: at_live, role: at_live.map((a, j) => sign_role(Math.sign(a - level[j]))),
    name: names}
  live_span.location = x
  fit_outputs(y_range, w, b)

  const factor = [], output = [], role = [], levels = []
  inputs.forEach((xi, i) => {
    w.forEach((wj, j) => {
      const a = wj * xi + b[j]
      factor.push([`${input_names[i]} (F = ${xi.toFixed(1)})`, String(j + 1)])
      output.push(a)
      role.push(sign_role(Math.sign(a - level[j])))
      levels.push(level[j])
    })
  })
  if (JSON.stringify(bar_range.factors) !== JSON.stringify(factor)) bar_range.factors = factor
  bars.data = {factor, output, role, level: levels}
  marks.visible = marks_legend.visible = high

  const count = at_live.filter((a, j) => a - level[j] > 0).length
  set_text(readout, `Live input F = ${x.toFixed(2)}: ${count} of ${k} neurons ${high ? "high" : "positive"}`, context)
  relabel_legend(legend, high)
  const title = `${k} neuron${k === 1 ? "" : "s"} reading one input`
  if (plot.title.text !== title) plot.title.text = title
}

// Every line's extremes (at F = 0 and F = 1) with a margin, and a strip below them where the
// inputs' names sit: the range changes with the seed and m, never while the input moves.
function fit_outputs(range, w, b) {
  const ends = [...b, ...w.map((wj, j) => wj + b[j]), 0]
  const lo = Math.min(...ends), hi = Math.max(...ends)
  const span = hi - lo || 1
  const start = lo - 0.16 * span, end = hi + 0.06 * span
  if (range.start !== start || range.end !== end) range.setv({start, end})
}
