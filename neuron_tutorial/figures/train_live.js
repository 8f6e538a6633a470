// train_live: a 2 -> m1 -> m2 -> 1 network trained in the page, its exact regions drawn every step.
// Mirrors training.dataset, training.init_network and training.step through nt/train.js (the
// same seed gives the same data, start and steps as Python) and nt.partition_2d(net, box)
// through nt/network.js. The decision boundary is the output neuron's boundary in the
// partition: where the output is 0, exactly. An ES module, compiled once: `memo` holds the
// network while it trains.

import {boundaries, partition} from "nt/network.js"
import {dataset as make_dataset, init_network, pre_activations, step} from "nt/train.js"
import {plural} from "nt/format.js"
import {set_text} from "nt/interact.js"

// Bokeh may evaluate this module more than once (a compile when the document is ready, and one
// on first use); the training state lives on the window so that every copy shares it.
const memo = (globalThis.nt_train_live_memo ??= {
  key: null,        // the settings the network was started from: data set, noise, seed, widths
  data: null,       // {points, labels} from train.js
  net: null,        // the network as it trains (train.js's layout)
  velocity: null,   // the momentum of the last step (null before the first)
  steps: 0,
  loss: NaN,        // the loss of the network as drawn
  part: null,       // its exact partition
  lines: null,      // every neuron's boundary in it: lines[l][k], segments as network.boundaries gives them
  frame: null,      // the pending animation frame while playing
  watching: false,  // whether visibility is watched (once)
  args: null,       // the callback's arguments, for the accessors below
  context: null,
})

// Tests read the network the page trained, and the bench times one frame, through these.
globalThis.nt_train_live ??= {
  state: () => ({steps: memo.steps, loss: memo.loss, sizes: memo.net.sizes,
    weights: memo.net.weights.map((w) => Array.from(w)), biases: memo.net.biases.map((b) => Array.from(b)),
    regions: memo.part.xs.length, counts: memo.part.counts}),
  frame: () => advance(memo.args),
}

export default (args, obj, data, context) => {
  memo.context = context
  memo.args = args
  // A button's click and a tap arrive as events: the model they come from is their origin.
  const origin = obj?.event_name === undefined ? obj : obj.origin
  const is = (...names) => names.some((name) => origin === args[name])
  const key = [args.dataset.active, args.noise.value, args.seed.value, args.m1.value, args.m2.value].join("/")
  if (obj?.event_name === "tap") return choose_nearest(args, obj.x, obj.y)
  if (memo.key !== key || is("reset")) {
    start(args, key)
  } else if (is("step")) {
    advance(args)
  } else if (is("play")) {
    toggle(args)
  } else if (is("neuron")) {
    draw_chosen(args)
  }
}

// A fresh network from the settings: train.js's data and He initialisation for the seed.
function start(a, key) {
  memo.key = key
  pause(a)
  const name = a.datasets[a.dataset.active]
  memo.data = make_dataset(name, a.count, a.noise.value, a.seed.value)
  memo.net = init_network([2, a.m1.value, a.m2.value, 1], a.seed.value)
  memo.velocity = null
  memo.steps = 0
  const options = [["", "none"]]
  for (const [layer, m] of [[1, a.m1.value], [2, a.m2.value]]) {
    for (let k = 1; k <= m; k++) options.push([`${layer}-${k}`, `layer ${layer}, neuron ${k}`])
  }
  if (!options.some(([value]) => value === a.neuron.value)) a.neuron.value = ""
  if (a.neuron.options.length !== options.length) a.neuron.options = options
  draw_points(a)
  draw(a)
}

// One training step, then the exact partition and the redraw.
function advance(a) {
  const {points, labels} = memo.data
  const result = step(memo.net, points, labels, Number(a.rates[a.rate.active]), a.momentum, memo.velocity)
  memo.velocity = result.velocity
  memo.steps += 1
  draw(a)
}

function toggle(a) {
  a.play.label = a.play.active ? "❚❚ Pause" : "▶ Play"
  if (!a.play.active) return pause(a)
  watch_visibility(a)
  const frame = () => {
    if (!a.play.active) return
    advance(a)
    memo.frame = requestAnimationFrame(frame)
  }
  memo.frame = requestAnimationFrame(frame)
}

function pause(a) {
  if (memo.frame !== null) cancelAnimationFrame(memo.frame)
  memo.frame = null
  if (a.play.active) a.play.active = false  // its own change relabels the button
}

// Training stops when the figure leaves the screen or the tab is hidden: no work nobody sees.
function watch_visibility(a) {
  if (memo.watching) return
  memo.watching = true
  document.addEventListener("visibilitychange", () => document.hidden && pause(a))
  if (typeof IntersectionObserver === "function") {
    new IntersectionObserver((entries) => {
      if (entries.some((e) => !e.isIntersecting)) pause(a)
    }).observe(document.body)
  }
}

function draw_points(a) {
  const {points, labels} = memo.data
  const columns = [{x: [], y: []}, {x: [], y: []}]
  labels.forEach((label, i) => {
    columns[label].x.push(points[2 * i])
    columns[label].y.push(points[2 * i + 1])
  })
  a.points0.data = columns[0]
  a.points1.data = columns[1]
}

// Segments (Float64Array x0, y0, x1, y1, ...) of several neurons as multi_line columns.
function segment_columns(lists) {
  const xs = [], ys = []
  for (const s of lists) {
    for (let i = 0; i < s.length; i += 4) xs.push([s[i], s[i + 2]]), ys.push([s[i + 1], s[i + 3]])
  }
  return {xs, ys}
}

// One line per neuron, its segments separated by NaN: a few dozen strokes to paint, not hundreds.
function joined_columns(lists) {
  const xs = [], ys = []
  for (const s of lists) {
    const x = new Float64Array(Math.max(0, 3 * s.length / 4 - 1)).fill(NaN), y = Float64Array.from(x)
    for (let i = 0, j = 0; i < s.length; i += 4, j += 3) x[j] = s[i], y[j] = s[i + 1], x[j + 1] = s[i + 2], y[j + 1] = s[i + 3]
    xs.push(x), ys.push(y)
  }
  return {xs, ys}
}

function draw(a) {
  const net = memo.net, part = (memo.part = partition(net, a.box))
  const column = net.sizes[1] + net.sizes[2]  // the output neuron's sign in every region
  const sides = [{xs: [], ys: []}, {xs: [], ys: []}]
  part.signs.forEach((signs, r) => {
    const side = sides[signs[column] > 0 ? 0 : 1]
    side.xs.push(part.xs[r])
    side.ys.push(part.ys[r])
  })
  // One multi-polygon per side: two fills to paint, not one per region.
  const [positive, negative] = sides.map(({xs, ys}) => ({xs: [xs.map((x) => [x])], ys: [ys.map((y) => [y])]}))
  a.positive.data = positive
  a.negative.data = negative
  const lines = (memo.lines = boundaries(part, net, a.box))
  a.lines1.data = joined_columns(lines[0])
  a.lines2.data = joined_columns(lines[1])
  a.decision.data = segment_columns(lines[2])
  draw_chosen(a)
  const [loss, correct] = fit(net, memo.data)
  memo.loss = loss
  const [c1, c2] = part.counts
  show(a.readout, `Step <b>${memo.steps}</b>, loss <b>${loss.toFixed(3)}</b>, ` +
    `${Math.round(100 * correct)}% of the points on their side. ` +
    `Layer 1 cuts the square into ${plural(c1, "region")}, layers 1 and 2 into ${c2}; ` +
    `the output's sign splits them into ${part.xs.length}.`)
}

function draw_chosen(a) {
  const [l, k] = a.neuron.value === "" ? [0, 0] : a.neuron.value.split("-").map(Number)
  a.chosen.data = l === 0 ? {xs: [], ys: []} : segment_columns([memo.lines[l - 1][k - 1]])
}

// The network's loss (training.loss_and_gradients' logistic loss, from one forward pass: no
// gradient) and the share of points whose output has the sign their label asks for.
function fit(net, {points, labels}) {
  const count = labels.length
  const pre = pre_activations(net, points, count)
  const z = pre[pre.length - 1]
  let loss = 0, correct = 0
  for (let p = 0; p < count; p++) {
    loss += Math.log1p(Math.exp(-Math.abs(z[p]))) + Math.max(z[p], 0) - labels[p] * z[p]
    correct += (z[p] > 0) === (labels[p] === 1)
  }
  return [loss / count, correct / count]
}

// A tap picks the neuron of layer 1 or 2 whose boundary passes nearest, if one is close.
function choose_nearest(a, x, y) {
  const [[x0, x1], [y0, y1]] = a.box
  let best = "", least = 0.04 * Math.hypot(x1 - x0, y1 - y0)
  for (const l of [0, 1]) {
    for (let k = 0; k < memo.net.sizes[l + 1]; k++) {
      const s = memo.lines[l][k]
      for (let i = 0; i < s.length; i += 4) {
        const d = distance(x, y, s[i], s[i + 1], s[i + 2], s[i + 3])
        if (d < least) least = d, best = `${l + 1}-${k + 1}`
      }
    }
  }
  a.neuron.value = best
}

function distance(x, y, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)))
  return Math.hypot(x - ax - t * dx, y - ay - t * dy)
}

const show = (div, html) => set_text(div, html, memo.context)
