// dissection_curves: draw the digits dissection from the build's tables (dissection_curves.table()).
// The curves: mean over networks of the chosen measure (at the chosen threshold for the counts),
// a light band of ± 1 sd with its edges for the trained conditions, the untrained dashed with hollow
// markers; below, the paired differences α = 0 minus α = 1 per network, with their mean ± sd; and
// the readout. Runs on load (style.draw_on_load) and on every control.

import {fmt} from "nt/format.js"

export default (args) => {
  const a = args
  const key = a.measures[a.measure.active]
  const is_count = a.counts.includes(key)
  const t = is_count ? Math.round((a.threshold.value - a.thresholds[0]) / 0.05) : 0
  const entry = a.tables[key][t]
  const digits = is_count ? 1 : key === "mean_iou" ? 3 : 2
  const traces = {xs: [], ys: [], role: [], dash: [], width: []}
  const bands = {xs: [], ys: [], role: []}
  const means = {x: [], y: [], role: [], marker: [], fill: []}
  const dots = {x: [], y: [], condition: [], role: []}
  const summary = {x: [], y: [], low: [], high: []}
  const lines = []
  for (const [condition, values] of Object.entries(entry)) {
    const {mean, sd, paired, spread: s} = values
    const role = a.roles[condition], trained = !condition.startsWith("untrained")
    const curve = (ys, dash, width) => {
      traces.xs.push(a.alphas), traces.ys.push(ys), traces.role.push(role)
      traces.dash.push(dash), traces.width.push(width)
    }
    if (trained) {
      const low = mean.map((m, i) => m - sd[i]), high = mean.map((m, i) => m + sd[i])
      bands.xs.push([...a.alphas, ...[...a.alphas].reverse()])
      bands.ys.push([...high, ...[...low].reverse()])
      bands.role.push(role)
      curve(low, "dotted", 1)
      curve(high, "dotted", 1)
    }
    curve(mean, trained ? "solid" : "dashed", trained ? 2.5 : 1.5)
    a.alphas.forEach((alpha, i) => {
      means.x.push(alpha), means.y.push(mean[i]), means.role.push(role)
      means.marker.push(a.markers[condition]), means.fill.push(trained ? 1 : 0)
    })
    // Networks spread across the row so that equal differences do not hide each other.
    paired.forEach((d, i) => {
      dots.x.push(d)
      dots.y.push([a.names[condition], (i + 0.5) / paired.length - 0.5])
      dots.condition.push(condition)
      dots.role.push(role)
    })
    summary.x.push(s.mean)
    summary.y.push(a.names[condition])
    summary.low.push(s.mean - s.sd)
    summary.high.push(s.mean + s.sd)
    lines.push(`${a.names[condition]}: ${fmt(mean[0], digits)} \u2192 ${fmt(mean[mean.length - 1], digits)}, ` +
               `paired ${fmt(s.mean, digits)} \u00b1 ${fmt(s.sd, digits)} ` +
               `(larger at \u03b1 = 0 in ${s.positive}, smaller in ${s.negative} of ${paired.length})`)
  }
  a.bands.data = bands
  a.traces.data = traces
  a.means.data = means
  a.dots.data = dots
  a.summary.data = summary
  const label = a.labels[a.measures.indexOf(key)]
  const what = label + (is_count ? ` at IoU \u2265 ${a.thresholds[t].toFixed(2)}` : "")
  a.readout.text = `<b>${what}</b>, \u03b1 = 0 \u2192 \u03b1 = 1, mean over networks:<br>` + lines.join("<br>")
  a.y_axis.axis_label = label
  a.x_axis.axis_label = `difference in ${label}`
  a.threshold.disabled = !is_count
}
