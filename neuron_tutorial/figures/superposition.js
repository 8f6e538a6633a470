// superposition: show the precomputed greedy counts for the chosen ε.
// Mirrors superposition.state() in Python: the counts of superposition.greedy_count, the bound
// of superposition.union_bound_count (capped at 1e6 for the plot) and the readout.

import {one_decimal} from "nt/format.js"

export default (args, cb_obj) => {
  const {table, epsilons, dimensions, greedy, bound, readout, cap} = args
  const focus = 64
  const eps = epsilons[cb_obj.active ?? 0]
  const found = table[String(eps)]
  greedy.data = {n: dimensions, count: found}
  bound.data = {n: dimensions, count: dimensions.map((n) => Math.min(Math.exp(n * eps * eps / 4), 1e6))}
  const angle = Math.acos(eps) * 180 / Math.PI
  const k = found[dimensions.indexOf(focus)]
  const capped = k >= cap ? " (the search's cap: there are more)" : ""
  readout.text = `\u03b5 = ${eps.toFixed(2)}: directions at least ${angle.toFixed(1)}\u00b0 apart (and at most ` +
    `${(180 - angle).toFixed(1)}\u00b0). In n = ${focus} dimensions the greedy search kept ${k} of them${capped}, ` +
    `${one_decimal(k / focus)} per neuron; the basis has ${focus}.`
}
