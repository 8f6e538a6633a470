// dissection_curves: switch between the precomputed tables of the digits dissection.
// Mirrors dissection_curves.state() in Python: the curves (mean ± sd over networks) of the chosen
// measure at the chosen threshold, the paired differences per network, and the readout.

import {fmt} from "nt/format.js"

export default (args) => {
  const {tables, measures, labels, counts, thresholds, names, alphas, curves, dots, summary, measure, threshold,
         readout, y_axis, x_axis} = args
  const key = measures[measure.active]
  const is_count = counts.includes(key)
  const t = is_count ? Math.round((threshold.value - thresholds[0]) / 0.05) : 0
  const entry = tables[key][t]
  const digits = is_count ? 1 : key === "mean_iou" ? 3 : 2
  const next_dots = {x: [], y: [], condition: []}
  const next_summary = {x: [], y: [], low: [], high: []}
  const lines = []
  for (const [condition, values] of Object.entries(entry)) {
    const {mean, sd, paired, spread: s} = values
    curves[condition].data = {alpha: alphas, mean, low: mean.map((m, i) => m - sd[i]),
                              high: mean.map((m, i) => m + sd[i])}
    paired.forEach((d, i) => {
      next_dots.x.push(d)
      next_dots.y.push([names[condition], (i + 0.5) / paired.length - 0.5])
      next_dots.condition.push(condition)
    })
    next_summary.x.push(s.mean)
    next_summary.y.push(names[condition])
    next_summary.low.push(s.mean - s.sd)
    next_summary.high.push(s.mean + s.sd)
    lines.push(`${names[condition]}: ${fmt(mean[0], digits)} \u2192 ${fmt(mean[mean.length - 1], digits)}, ` +
               `paired ${fmt(s.mean, digits)} \u00b1 ${fmt(s.sd, digits)} ` +
               `(larger at \u03b1 = 0 in ${s.positive}, smaller in ${s.negative} of ${paired.length})`)
  }
  dots.data = next_dots
  summary.data = next_summary
  const label = labels[measures.indexOf(key)]
  const what = label + (is_count ? ` at IoU \u2265 ${thresholds[t].toFixed(2)}` : "")
  readout.text = `<b>${what}</b>, \u03b1 = 0 \u2192 \u03b1 = 1, mean over networks:<br>` + lines.join("<br>")
  y_axis.axis_label = label
  x_axis.axis_label = `difference in ${label}`
  threshold.disabled = !is_count
}
