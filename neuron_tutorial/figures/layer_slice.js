// layer_slice: the exact partition of a sliced layer, computed once in the browser.
// Mirrors floor 1: partition_2d (nt/partition.js) of the 2-D layer that slice_layer made, in
// the plane's box, and Partition.locate for the three images. The controls only recolour it
// and move the chosen neuron's line. An ES module, compiled once: `memo` keeps the partition.

import {pattern_text, sign_role} from "nt/format.js"
import {clip_line} from "nt/geometry.js"
import {locate, partition_2d, signs_at} from "nt/partition.js"

const memo = {part: null, positive: null, segments: null, signs: null, facts: ""}

export default (args) => {
  if (memo.part === null) draw(args)
  colour(args)
}

// The partition, every boundary line, the images' regions, and what stays true of them.
function draw(a) {
  const part = partition_2d(a.w1, a.w2, a.b, a.box)
  memo.part = part
  memo.positive = part.signs.map((s) => s.reduce((n, v) => n + (v > 0 ? 1 : 0), 0))
  // The ramp spans the counts that occur, so neighbouring regions (one neuron apart) differ.
  const least = Math.min(...memo.positive)
  a.mapper.setv({low: least, high: Math.max(least + 1, ...memo.positive)})
  memo.segments = a.b.map((bk, k) => clip_line(a.w1[k], a.w2[k], bk, a.box))
  const drawn = memo.segments.filter((s) => s !== null)
  a.lines.data = {xs: drawn.map((s) => s[0]), ys: drawn.map((s) => s[1])}

  const {x, y, label} = a.images.data
  const signs = Array.from(x, (xi, i) => signs_at(a.w1, a.w2, a.b, xi, y[i], a.box))
  const where = signs.map((s) => locate(part, s))
  a.images.data = {...a.images.data, region: where, positive: where.map((r) => memo.positive[r])}
  memo.signs = signs
  const flips = [[0, 1], [1, 2], [0, 2]].map(([i, j]) => {
    const count = signs[i].reduce((n, s, k) => n + (s !== signs[j][k] ? 1 : 0), 0)
    return `${label[i]} \u2192 ${label[j]}: ${count}`
  })
  const m = a.b.length
  memo.facts = `Computed in your browser: <b>${part.xs.length} regions</b> (at most ` +
    `${1 + m + (m * (m - 1)) / 2} for ${m} lines). Neurons that flip between the images: ` +
    `${flips.join(", ")}.`
}

function colour(a) {
  const k = a.neuron.value - 1
  const one = a.view.active === 1
  a.regions.data = {
    xs: memo.part.xs, ys: memo.part.ys, positive: memo.positive,
    role: memo.part.signs.map((s) => sign_role(s[k])), region: memo.part.xs.map((_, i) => i),
  }
  a.by_count.visible = !one
  a.by_neuron.visible = one
  a.bar.visible = !one
  a.key.visible = one
  const segment = memo.segments[k]
  a.chosen.data = segment === null ? {xs: [], ys: []} : {xs: [segment[0]], ys: [segment[1]]}
  // Name the line near the end where it leaves the box, on the side of its higher point.
  if (segment !== null) {
    const end = segment[1][1] >= segment[1][0] ? 1 : 0
    const t = end === 1 ? 0.85 : 0.15
    a.name.setv({text: `neuron ${k + 1}`, visible: true,
                 x: segment[0][0] + t * (segment[0][1] - segment[0][0]),
                 y: segment[1][0] + t * (segment[1][1] - segment[1][0])})
  } else {
    a.name.visible = false
  }
  const {label} = a.images.data
  const at = memo.signs.map((s, i) => `${pattern_text([s[k]])} at the ${label[i]}`).join(", ")
  a.readout.text = `${memo.facts}<br>Neuron ${k + 1}: ${at}.`
}
