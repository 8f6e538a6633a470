// line: the seeded one-input layer that neurons_1d and partition_1d both read.
// Mirrors neuron_tutorial.figures.kit.layer_1d (seeded_layer, levels, legend_labels),
// thresholds.quantile_thresholds for one input on the interval the figures draw, and
// partition_1d neuron by neuron for the guide lines coloured piece by piece.

import {sign_role} from "./format.js"
import {partition_1d} from "./partition.js"
import {quantile_threshold} from "./thresholds.js"

export const LINE = [0, 1]     // layer_1d.INTERVAL: the input line the figures draw
export const QUANTILE = 0.95   // layer_1d.Q

// The first m neurons of a seed: random_layer(m, 1, seed), as plain arrays.
export function seeded_layer(table, seed, m) {
  return {w: table.weights[seed].slice(0, m), b: table.biases[seed].slice(0, m)}
}

// layer_1d.levels: 0 in sign mode, the 95% quantile over the line in "high output" mode.
export function output_levels(w, b, high) {
  return w.map((wk, k) => high ? quantile_threshold(wk, b[k], LINE[0], LINE[1], QUANTILE) : 0)
}

// layer_1d.legend_labels, written into the legend made by layer_1d.sign_legend.
export function relabel_legend(legend, high) {
  const labels = high ? ["high (A above its 95% quantile)", "not high"]
    : ["positive (A > 0)", "negative (A < 0)"]
  legend.items[0].label = {value: labels[0]}
  legend.items[1].label = {value: labels[1]}
}

// Each neuron's guide line A_k = w_k F + b_k over the line, cut where it crosses its level t_k
// (0, or its threshold): the pieces of partition_1d for that neuron alone, each with the sign
// of A_k − t_k there as a role. Parallel arrays, one entry per piece: {xs, ys, role, neuron}.
export function guide_pieces(w, b, level, lo = LINE[0], hi = LINE[1]) {
  const pieces = {xs: [], ys: [], role: [], neuron: []}
  w.forEach((wk, k) => {
    for (const region of partition_1d([wk], [b[k] - level[k]], lo, hi).regions) {
      pieces.xs.push([region.lo, region.hi])
      pieces.ys.push([wk * region.lo + b[k], wk * region.hi + b[k]])
      pieces.role.push(sign_role(region.signs[0]))
      pieces.neuron.push(k)
    }
  })
  return pieces
}

