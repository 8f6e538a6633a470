// The browser's 2-D partition (nt/partition.js, line by line) in Node, on random layers of m
// neurons in the unit square: up to which m a figure can repartition while the reader drags.
// Prints JSON [{m, regions, ms}] (best of 3) for bench/partition.py.
import {performance} from 'node:perf_hooks'
import {partition_2d} from '../neuron_tutorial/js/partition.js'

function random_layer(m, seed) {  // lines through the square: uniform normals and offsets
  let state = seed >>> 0
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32
  const w1 = [], w2 = [], b = []
  for (let k = 0; k < m; k++) {
    const angle = 2 * Math.PI * next()
    w1.push(Math.cos(angle)); w2.push(Math.sin(angle))
    b.push(-(Math.cos(angle) * next() + Math.sin(angle) * next()))
  }
  return {w1, w2, b}
}

const rows = []
for (const m of process.argv.slice(2).map(Number)) {
  const {w1, w2, b} = random_layer(m, m)
  let best = Infinity, regions = 0
  for (let run = 0; run < 3; run++) {
    const start = performance.now()
    const part = partition_2d(w1, w2, b)
    best = Math.min(best, performance.now() - start)
    regions = part.polygons?.length ?? part.xs?.length ?? part.length
  }
  rows.push({m, regions, ms: best})
}
console.log(JSON.stringify(rows))
