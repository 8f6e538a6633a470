// dissection: switch between the precomputed views of the measured experiment.
// Mirrors dissection.state() in Python: the curves (mean ± sd over networks) for the chosen
// measure and threshold, the masks of the example network's directions at the chosen α
// (decoded as cells() does), and the readout with one_decimal().

import {one_decimal} from "nt/format.js"

export default (args, cb_obj) => {
  const {table, shown, concepts, size, alphas, thresholds, curves, panels, here, alpha, threshold, measure, activation, readout, names, measures, activations} = args
  const j = Math.round(alpha.value * 10)
  const t = Math.round((threshold.value - thresholds[0]) / 0.05)
  const key = measure.active === 0 ? "unique" : "detectors"

  const means = {}
  for (const a of activations) {
    const mean = table[`${a}_${key}_mean`][t]
    const sd = table[`${a}_${key}_sd`][t]
    means[a] = mean
    curves[a].data = {alpha: alphas, mean, low: mean.map((m, i) => m - sd[i]),
                      high: mean.map((m, i) => m + sd[i])}
  }
  here.location = alphas[j]

  const example = shown[activations[activation.active]]
  const limit = thresholds[t]
  panels.forEach((panel, d) => {
    const c = example.concept[j][d]
    const score = example.iou[j][d]
    const xs = [], ys = []
    let cell = 0
    for (const digit of example.masks[j][d]) {
      const value = parseInt(digit, 16)
      for (let bit = 3; bit >= 0; bit--, cell++) {
        if (cell < size * size && (value >> bit) & 1) {
          xs.push((cell % size + 0.5) / size)
          ys.push((Math.floor(cell / size) + 0.5) / size)
        }
      }
    }
    panel.cells.data = {x: xs, y: ys}
    panel.outline.data = c >= 0 ? {x: concepts[c].outline.x, y: concepts[c].outline.y} : {x: [], y: []}
    const what = j === 0 ? "neuron" : "direction"
    panel.title.text = `${what} ${d + 1}`
    panel.concept.text = c >= 0 ? `→ ${concepts[c].name}` : "→ nothing: never active"
    panel.score.text = c >= 0
      ? `IoU ${(Math.floor(score * 100 + 0.5) / 100).toFixed(2)}: ${score >= limit ? "a detector" : "not a detector"}`
      : "IoU 0"
  })

  readout.text = `\u03b1 = ${alphas[j].toFixed(1)}: ` + activations.map((a) => {
    const curve = curves[a].data
    return `${names[a]} ${one_decimal(curve.mean[j])} \u00b1 ${one_decimal(curve.high[j] - curve.mean[j])}`
  }).join("; ") + ` ${measures[measure.active]} (IoU \u2265 ${limit.toFixed(2)}).`
}
