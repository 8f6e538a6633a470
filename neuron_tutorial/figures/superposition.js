// superposition: draw the build-time greedy counts for the chosen ε, and read them at the chosen n.
// The counts are superposition.greedy_count's (the table the page carries); the guarantee is
// superposition.union_bound_count, exp(n ε² / 4), capped at 1e6 for the plot.

import {one_decimal} from "nt/format.js"

export default (args) => {
  const {table, epsilons, dimensions, greedy, line, bound, chosen, at, readout, cap} = args
  const eps = epsilons[args.eps.active]
  const found = table[String(eps)]
  greedy.data = {n: dimensions, count: found, role: dimensions.map(() => "series_1")}
  line.data = {xs: [dimensions], ys: [found], role: ["series_1"]}
  bound.data = {n: dimensions, count: dimensions.map((n) => Math.min(Math.exp(n * eps * eps / 4), 1e6))}

  const n = dimensions[args.n.value]
  const k = found[args.n.value]
  at.location = n
  chosen.data = {n: [n, n], count: [k, n]}
  const angle = Math.acos(eps) * 180 / Math.PI
  const guarantee = Math.exp(n * eps * eps / 4)
  // Three short lines that never wrap on a phone: the figure keeps its height while n moves.
  // Why the search can run below the basis is said once, under the plot.
  readout.text = `\u03b5 = ${eps.toFixed(2)}: every two at least ${angle.toFixed(1)}\u00b0 apart.<br>` +
    `n = ${n}: search kept <b>${k >= cap ? `${k}+` : k}</b>, ${one_decimal(k / n)} per neuron.<br>` +
    `The basis: ${n}. The guarantee: ${guarantee < 10 ? guarantee.toFixed(1) : Math.floor(guarantee)}.`
}
