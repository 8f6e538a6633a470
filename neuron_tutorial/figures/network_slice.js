// network_slice: a reader's network on the plane through three inputs. Mirrors network_slice.facts():
// the exact partition arrives computed (flat corners x, y with the polygons' lengths, and per corner
// `edge`, the neuron whose boundary the edge to the next corner lies on); this module colours the
// regions, draws one neuron's boundary and reads a tapped region by running the sliced network
// (weights[l] row by row, (m_l, n_l)) at the region's centre (its signs) and at the tap (its output).

import {fmt, pattern_text, plural} from "nt/format.js"
import {mark_drawn, set_text} from "nt/interact.js"

const memo = {starts: null, context: null}

export default (args, obj, data, context) => {
  memo.context = context
  if (memo.starts === null) draw(args)
  if (obj?.event_name !== undefined) return read(args, obj.x, obj.y)
  if (obj === args.plot) return
  // Picking a layer with no neuron chosen shows that layer's first neuron (its change redraws).
  if (obj === args.layer && args.neuron.value === 0) return void (args.neuron.value = 1)
  colour(args)
  draw_boundary(args)
}

function draw(a) {
  const R = a.lengths.length
  memo.starts = new Int32Array(R + 1)
  for (let r = 0; r < R; r++) memo.starts[r + 1] = memo.starts[r] + a.lengths[r]
  const xs = new Array(R), ys = new Array(R)
  for (let r = 0; r < R; r++) {
    xs[r] = a.x.slice(memo.starts[r], memo.starts[r + 1])
    ys[r] = a.y.slice(memo.starts[r], memo.starts[r + 1])
  }
  memo.xs = xs
  memo.ys = ys
  const L = a.sizes.length
  const positive = new Array(R), output = new Array(R)
  for (let r = 0; r < R; r++) {
    const counts = []
    for (let l = 0; l < L; l++) counts.push(`${a.positive[r * L + l]}/${a.sizes[l]}`)
    positive[r] = `${counts.join(", ")} neurons positive`
    output[r] = `class ${a.centre_class[r]} at its centre${a.mixed[r] ? " (a decision boundary crosses it)" : ""}`
  }
  memo.columns = {region: Array.from({length: R}, (_, r) => r), positive, output}
  colour(a)
  mark_drawn()
}

// Colour by the output class at the region's centre (a legend names the classes) or by the
// number of positive neurons of one layer (a colour bar from its least to its most).
function colour(a) {
  const R = a.lengths.length, L = a.sizes.length
  const choice = a.view.options.indexOf(a.view.value)
  const by_class = choice >= L
  const classes = new Array(R), counts = new Array(R)
  let least = Infinity, most = -Infinity
  for (let r = 0; r < R; r++) {
    classes[r] = String(a.centre_class[r])
    counts[r] = by_class ? 0 : a.positive[r * L + choice]
    least = Math.min(least, counts[r])
    most = Math.max(most, counts[r])
  }
  if (!by_class) a.count_mapper.setv({low: least, high: Math.max(most, least + 1)})
  a.by_class.visible = a.legend.visible = by_class
  a.by_count.visible = a.bar.visible = !by_class
  if (!by_class) a.bar.title = `positive neurons of layer ${choice + 1}`
  a.regions.data = {xs: memo.xs, ys: memo.ys, class: classes, count: counts, ...memo.columns}
}

// The chosen neuron's boundary: the edges labelled with its column (layers' neurons concatenated).
function draw_boundary(a) {
  const l = Number(a.layer.value) - 1
  const k = a.neuron.value - 1
  const xs = [], ys = []
  if (k >= 0 && k < a.sizes[l]) {
    const column = a.sizes.slice(0, l).reduce((s, m) => s + m, 0) + k
    for (let r = 0; r + 1 < memo.starts.length; r++) {
      const lo = memo.starts[r], hi = memo.starts[r + 1]
      for (let i = lo; i < hi; i++) {
        if (a.edge[i] !== column) continue
        const j = i + 1 < hi ? i + 1 : lo
        xs.push([a.x[i], a.x[j]])
        ys.push([a.y[i], a.y[j]])
      }
    }
  }
  a.boundary.data = {xs, ys}
  a.chosen.text = k < 0 ? "No neuron's boundary drawn."
    : k >= a.sizes[l] ? `Layer ${l + 1} has ${a.sizes[l]} neurons: no neuron ${k + 1}.`
    : xs.length === 0 ? `Neuron ${k + 1} of layer ${l + 1} has no boundary in this part of the plane.`
    : `The black line: where neuron ${k + 1} of layer ${l + 1} is 0 (${xs.length} straight pieces).`
}

// Every layer's pre-activation at (s, t) of the plane.
export function forward(weights, biases, s, t) {
  let input = [s, t]
  const out = []
  for (let l = 0; l < weights.length; l++) {
    const m = biases[l].length, n = input.length
    const z = new Float64Array(m)
    for (let k = 0; k < m; k++) {
      let sum = biases[l][k]
      for (let i = 0; i < n; i++) sum += weights[l][k * n + i] * input[i]
      z[k] = sum
    }
    out.push(z)
    input = z.map((v) => Math.max(v, 0))
  }
  return out
}

// The region whose polygon holds (s, t) (convex, counter-clockwise), or -1.
export function locate(x, y, starts, s, t) {
  for (let r = 0; r + 1 < starts.length; r++) {
    const lo = starts[r], hi = starts[r + 1]
    let inside = true
    for (let i = lo; i < hi && inside; i++) {
      const j = i + 1 < hi ? i + 1 : lo
      inside = (x[j] - x[i]) * (t - y[i]) - (y[j] - y[i]) * (s - x[i]) >= -1e-9
    }
    if (inside) return r
  }
  return -1
}

function read(a, s, t) {
  const r = locate(a.x, a.y, memo.starts, s, t)
  if (r < 0) return
  let cs = 0, ct = 0
  const lo = memo.starts[r], hi = memo.starts[r + 1]
  for (let i = lo; i < hi; i++) {
    cs += a.x[i] / (hi - lo)
    ct += a.y[i] / (hi - lo)
  }
  const signs = forward(a.weights, a.biases, cs, ct)
  const scores = forward(a.weights, a.biases, s, t).at(-1)
  let best = 0
  for (let k = 1; k < scores.length; k++) if (scores[k] > scores[best]) best = k
  const layers = a.sizes.map((m, l) => {
    const pattern = pattern_text(signs[l].map(Math.sign))
    const up = signs[l].reduce((n, v) => n + (v > 0 ? 1 : 0), 0)
    return `<div>Layer ${l + 1}: ${up} of ${plural(m, "neuron")} positive ` +
      `<code style="word-break: break-all">${pattern}</code></div>`
  })
  const values = Array.from(scores, (v) => fmt(v)).join(", ")
  set_text(a.readout, `<b>Region ${r}</b> at (${fmt(s)}, ${fmt(t)}): the network outputs class ` +
    `<b>${best}</b> (scores ${values}).${layers.join("")}`, memo.context)
}
