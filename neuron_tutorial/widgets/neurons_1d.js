// neurons_1d: recompute every neuron's output and sign when a control moves.
// Mirrors neurons_1d.state() in Python: outputs A_k = w_k F + b_k of random_layer(m, 1, seed)
// (the first m rows of the seed's table), signs of A_k, or of A_k − t_k in "high output"
// mode where t_k is the 95% quantile of quantile_thresholds().

const s = seed.value
const k = m.value
const x = live.value
const high = mode.active === 1
const w = table.weights[s].slice(0, k)
const b = table.biases[s].slice(0, k)
const level = high ? table.thresholds[s].slice(0, k) : new Array(k).fill(0)
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
legend.items[0].label = {value: high ? "high (A above its 95% quantile)" : "positive (A > 0)"}
legend.items[1].label = {value: high ? "not high" : "negative (A < 0)"}
plot.title.text = `${k === 8 ? "Eight" : k} neuron${k === 1 ? "" : "s"} reading one input`
