// network_slice: a reader's network on the plane through three inputs. Mirrors network_slice.facts():
// the exact partition arrives computed (flat corners x, y with the polygons' lengths, and per corner
// `edge`, the neuron whose boundary the edge to the next corner lies on); this module colours the
// regions, draws one neuron's boundary and reads a tapped region by running the sliced network
// (weights[l] row by row, (m_l, n_l)) at the region's centre (its signs) and at the tap (its output).

import {fmt, pattern_text, plural} from "nt/format.js"
import {is_first_draw, set_text} from "nt/interact.js"

const memo = {starts: null, context: null, width: null}

export default (args, obj, data, context) => {
  memo.context = context
  if (memo.starts === null || is_first_draw(obj)) return first_draw(args)
  if (obj?.event_name !== undefined) return read(args, obj.x, obj.y)
  if (obj === args.plot) return fit(args)
  // Picking a layer with no neuron chosen shows that layer's first neuron (its change redraws).
  if (obj === args.layer && args.neuron.value === 0) return void (args.neuron.value = 1)
  colour(args)
  draw_boundary(args)
}

function first_draw(a) {
  draw(a)
  draw_boundary(a)
  fit(a)
  // The first reading is the first input's region, so the readout is never an empty box.
  const {x, y, label} = a.marks.data
  if (!(x.length > 0 && read(a, x[0], y[0], `input ${label[0]}`)))
    set_text(a.readout, box("Tap a region to read its sign pattern per layer and the network's output."), memo.context)
}

// The frame's height follows its width alone: square on a phone, never under 420 px, 3:4 of its
// width on a desktop (the plot, its controls and key fit one screen). The ranges hold the box,
// centred, at the same scale on both axes. Only a new width changes them (a resize), never a control.
export function frame_height(width) {
  return Math.round(Math.min(width, Math.max(420, 0.75 * width)))
}

export function box_ranges([x0, x1, y0, y1], width, height) {
  const scale = Math.max((x1 - x0) / width, (y1 - y0) / height)  // units per pixel
  const [cx, cy, hw, hh] = [(x0 + x1) / 2, (y0 + y1) / 2, scale * width / 2, scale * height / 2]
  return [[cx - hw, cx + hw], [cy - hh, cy + hh]]
}

function fit(a) {
  const plot = a.plot, width = plot.inner_width, height = plot.inner_height
  if (!(width > 0 && height > 0) || width === memo.width) return
  memo.width = width
  const wanted = frame_height(width)
  const [[x0, x1], [y0, y1]] = box_ranges(a.box, width, wanted)
  plot.x_range.setv({start: x0, end: x1, reset_start: x0, reset_end: x1})
  plot.y_range.setv({start: y0, end: y1, reset_start: y0, reset_end: y1})
  const total = Math.round(plot.height - height + wanted)
  if (Math.abs(total - plot.height) >= 2) plot.height = total  // no 1-px hunting from rounding
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
}

// Colour by the output class at the region's centre or by the number of positive neurons of
// one layer; the key under the plot names the classes or shows the counts' ramp.
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
  a.by_class.visible = by_class
  a.by_count.visible = !by_class
  set_text(a.key, by_class ? class_key(a) : count_key(a, choice, least, Math.max(most, least + 1)), memo.context)
  a.regions.data = {xs: memo.xs, ys: memo.ys, class: classes, count: counts, ...memo.columns}
}

// The classes as numbered tiles: one row of up to 10, else two rows. The key's box has room
// for two rows whatever their number, so its height never depends on the network.
export function class_key_html(palette, named, total) {
  const rows = named > 10 ? 2 : 1, columns = Math.ceil(named / rows)
  const tiles = palette.slice(0, named).map((fill, k) =>
    `<span class="tile" style="background:${fill};color:${ink(fill)}" title="class ${k}">${k}</span>`)
  const label = named < total ? `Output class at the region's centre (${named} of ${total} named)`
    : "Output class at the region's centre"
  return `<div class="label">${label}</div><div class="tiles" role="list" aria-label="${label}" ` +
    `style="grid-template-columns:repeat(${columns},minmax(0,52px));grid-template-rows:repeat(${rows},22px)">` +
    tiles.map((t) => t.replace("<span ", '<span role="listitem" ')).join("") + "</div>"
}

const class_key = (a) => class_key_html(a.class_mapper.palette, a.named, a.class_mapper.factors.length)

// The count's ramp (the mapper's palette from `low` to `high`) with its ends and middle.
export function count_key_html(palette, low, high, label) {
  const stops = Array.from({length: 9}, (_, i) => palette[Math.round(i / 8 * (palette.length - 1))])
  const middle = Number.isInteger((low + high) / 2) ? (low + high) / 2 : ""
  return `<div class="label">${label}</div>` +
    `<div class="ramp" style="background:linear-gradient(to right, ${stops.join(", ")})"></div>` +
    `<div class="ends"><span>${low}</span><span>${middle}</span><span>${high}</span></div>`
}

const count_key = (a, l, low, high) =>
  count_key_html(a.count_mapper.palette, low, high, `Positive neurons of layer ${l + 1} (of ${a.sizes[l]})`)

// Black or white text, whichever reads better on `fill` ("#rrggbb"), by its relative luminance.
export function ink(fill) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(fill.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.18 ? "#000000" : "#ffffff"
}

const box = (html) => `<div class="box" tabindex="0" role="region" aria-label="The region read">${html}</div>`

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
  // One short line (about 40 characters fit a phone): its height never changes.
  set_text(a.chosen, k < 0 ? "No neuron's boundary drawn."
    : k >= a.sizes[l] ? `Layer ${l + 1} has ${a.sizes[l]} neurons: no neuron ${k + 1}.`
    : xs.length === 0 ? `Neuron ${k + 1} of layer ${l + 1}: no boundary here.`
    : `Black line: neuron ${k + 1} of layer ${l + 1} is 0.`, memo.context)
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

function read(a, s, t, what = null) {
  const r = locate(a.x, a.y, memo.starts, s, t)
  if (r < 0) return false
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
  const where = what === null ? `at (${fmt(s)}, ${fmt(t)})` : `(${what}, at (${fmt(s)}, ${fmt(t)}))`
  set_text(a.readout, box(`<b>Region ${r}</b> ${where}: the network outputs class ` +
    `<b>${best}</b> (scores ${values}).${what === null ? "" : " Tap a region to read it."}${layers.join("")}`), memo.context)
  return true
}
