// layer_1d: the seeded one-input layer shared by neurons_1d and partition_1d.
// Mirrors neuron_tutorial.widgets.layer_1d (seeded_layer, levels, legend_labels),
// thresholds.quantile_thresholds for one input on an interval, and partition.partition_1d.
// The arithmetic follows numpy's operation by operation, so both sides give the same doubles.

const LINE = [0, 1]          // layer_1d.INTERVAL: the input line the figures draw
const QUANTILE = 0.95        // layer_1d.Q
const RELATIVE_TOLERANCE = 1e-9   // partition.RELATIVE_TOLERANCE

// The first m neurons of a seed: random_layer(m, 1, seed), as plain arrays.
function seeded_layer(table, seed, m) {
  return {w: table.weights[seed].slice(0, m), b: table.biases[seed].slice(0, m)}
}

// thresholds._uniform_quantile for one input: the q-quantile of w·F + b, F uniform on [lo, hi].
function quantile_threshold(w, b, lo, hi, q) {
  const low = b + Math.min(w * lo, w * hi)
  const r = Math.abs(w) * (hi - lo)
  return r === 0 ? low : low + q * r
}

// layer_1d.levels: 0 in sign mode, the 95% quantile over the line in "high output" mode.
function output_levels(w, b, high) {
  return w.map((wk, k) => high ? quantile_threshold(wk, b[k], LINE[0], LINE[1], QUANTILE) : 0)
}

// layer_1d.legend_labels, written into the legend made by layer_1d.sign_legend.
function relabel_legend(legend, high) {
  const labels = high ? ["high (A above its 95% quantile)", "not high"]
    : ["positive (A > 0)", "negative (A < 0)"]
  legend.items[0].label = {value: labels[0]}
  legend.items[1].label = {value: labels[1]}
}

// partition.partition_1d: cut [lo, hi] at every boundary point −b_k / w_k strictly inside.
// Returns each neuron's root (NaN when w_k = 0), the merged breakpoints and the regions,
// each {lo, hi, signs}; a neuron with w_k = 0 has the sign of its bias everywhere.
function partition_line(w, b, lo, hi) {
  const roots = w.map((wk, k) => wk !== 0 ? -b[k] / wk : NaN)
  const tol = RELATIVE_TOLERANCE * (hi - lo)
  const inside = roots.filter((r, k) => w[k] !== 0 && r > lo + tol && r < hi - tol)
    .sort((p, q) => p - q)
  // Like np.diff: each point is compared with its sorted neighbour, not the last one kept.
  const breakpoints = inside.filter((r, i) => i === 0 || r - inside[i - 1] > tol)
  const ends = [lo, ...breakpoints, hi]
  const regions = []
  for (let i = 0; i + 1 < ends.length; i++) {
    const mid = 0.5 * (ends[i] + ends[i + 1])
    // Compare with the root rather than evaluating w·mid + b: no rounding can flip a sign.
    const signs = w.map((wk, k) => wk !== 0 ? Math.sign(wk) * Math.sign(mid - roots[k])
      : Math.sign(b[k]))
    regions.push({lo: ends[i], hi: ends[i + 1], signs})
  }
  return {roots, breakpoints, regions}
}

// Region.pattern: one character per neuron, "+", "−" or "0".
function pattern(signs) {
  return signs.map((s) => s > 0 ? "+" : s < 0 ? "\u2212" : "0").join("")
}
