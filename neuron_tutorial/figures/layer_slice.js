// layer_slice: the exact partition of a sliced layer, computed once in the browser.
// Mirrors layer_slice.state(): partition_2d (nt/partition.js) of the
// 2-D layer that slice_layer made, in the plane's box; the controls only recolour it.
// An ES module, compiled once: the partition is kept in `memo` between calls.

import {sign_colour} from "nt/format.js"
import {clip_line} from "nt/geometry.js"
import {mark_drawn} from "nt/interact.js"
import {partition_2d} from "nt/partition.js"

const memo = {part: null, positive: null, least: 0, most: 1}

export default (args, obj) => {
  if (memo.part === null) draw(args)
  colour(args)
}

function draw(a) {
  memo.part = partition_2d(a.w1, a.w2, a.b, a.box)
  memo.positive = memo.part.signs.map((s) => s.reduce((n, v) => n + (v > 0 ? 1 : 0), 0))
  // The ramp spans the counts that occur, so neighbouring regions (one neuron apart) differ.
  memo.least = Math.min(...memo.positive)
  memo.most = Math.max(memo.least + 1, ...memo.positive)
  const xs = [], ys = []
  for (let k = 0; k < a.b.length; k++) {
    const segment = clip_line(a.w1[k], a.w2[k], a.b[k], a.box)
    if (segment !== null) {
      xs.push(segment[0])
      ys.push(segment[1])
    }
  }
  a.lines.data = {xs, ys}
  const m = a.b.length
  a.count.text = `Computed in your browser: ${memo.part.xs.length} regions ` +
    `(at most ${1 + m + (m * (m - 1)) / 2} for ${m} lines). Colour: from ${memo.least} ` +
    `positive neurons (dark) to ${memo.most} (yellow); or one neuron's sign, blue positive.`
  mark_drawn()
}

function colour(a) {
  const one = a.view.active === 1
  const k = a.neuron.value - 1
  const colours = memo.part.signs.map((signs, i) => one ? sign_colour(signs[k], a.colours)
    : a.palette[Math.round(((memo.positive[i] - memo.least) / (memo.most - memo.least))
                           * (a.palette.length - 1))])
  a.regions.data = {
    xs: memo.part.xs, ys: memo.part.ys, colour: colours, positive: memo.positive,
    region: memo.part.xs.map((_, i) => i),
  }
  a.neuron.visible = one
}
