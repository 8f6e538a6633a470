// neurons_1d: recompute every neuron's output and sign when a control moves.
// Mirrors neurons_1d.state() in Python: outputs A_k = w_k F + b_k of random_layer(m, 1, seed)
// (layer_1d.js's seeded_layer), signs of A_k, or of A_k − t_k in "high output" mode where
// t_k is the 95% quantile of quantile_thresholds() (layer_1d.js's output_levels).

import {formula, sign_colour} from "nt/format.js"
import {output_levels, relabel_legend, seeded_layer} from "nt/line.js"

export default (args, cb_obj) => {
  const {table, lines, dots, bars, live, mode, seed, m, inputs, input_names, colours, live_span, readout, bar_range, marks, legend, plot} = args
  const k = m.value
  const x = live.value
  const high = mode.active === 1
  const {w, b} = seeded_layer(table, seed.value, k)
  const level = output_levels(w, b, high)
  const names = w.map((_, j) => `Neuron ${j + 1}`)

  const at_live = w.map((wj, j) => wj * x + b[j])
  const live_colours = at_live.map((a, j) => sign_colour(Math.sign(a - level[j]), colours))

  lines.data = {
    xs: w.map(() => [0, 1]),
    ys: w.map((wj, j) => [b[j], wj + b[j]]),
    colour: live_colours,
    name: names,
    formula: w.map((wj, j) => formula(wj, b[j])),
  }
  dots.data = {x: new Array(k).fill(x), y: at_live, colour: live_colours, name: names}
  live_span.location = x

  const factor = [], output = [], colour = [], levels = []
  inputs.forEach((xi, i) => {
    w.forEach((wj, j) => {
      const a = wj * xi + b[j]
      factor.push([`${input_names[i]} (F = ${xi.toFixed(1)})`, String(j + 1)])
      output.push(a)
      colour.push(sign_colour(Math.sign(a - level[j]), colours))
      levels.push(level[j])
    })
  })
  bar_range.factors = factor
  bars.data = {factor, output, colour, level: levels}
  marks.visible = high

  const count = at_live.filter((a, j) => a - level[j] > 0).length
  readout.text = `Live input F = ${x.toFixed(2)}: ${count} of ${k} neurons ${high ? "high" : "positive"}`
  relabel_legend(legend, high)
  plot.title.text = `${k === 8 ? "Eight" : k} neuron${k === 1 ? "" : "s"} reading one input`
}
