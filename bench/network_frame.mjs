// One frame of the live training figure in Node: a training step plus the exact repartition,
// at 2 -> 16 -> 16 -> 1 on 200 moons. Prints JSON {median_ms, p90_ms, regions} for bench/network.py.
import {performance} from 'node:perf_hooks'
import {dataset, init_network, step} from '../neuron_tutorial/js/train.js'
import {partition} from '../neuron_tutorial/js/network.js'

const frames = Number(process.argv[2] || 300)
const {points, labels} = dataset('moons', 200, 0.1, 0)
const net = init_network([2, 16, 16, 1], 0)
const box = [[-1.2, 1.2], [-1.2, 1.2]]
let velocity = null
const times = []
const regions = []
for (let i = 0; i < frames; i++) {
  const start = performance.now()
  velocity = step(net, points, labels, 0.1, 0.9, velocity).velocity
  const part = partition(net, box)
  times.push(performance.now() - start)
  regions.push(part.xs.length)
}
const sorted = times.slice(50).sort((a, b) => a - b) // after the JIT has warmed up
const at = q => sorted[Math.floor(q * (sorted.length - 1))]
console.log(JSON.stringify({median_ms: at(0.5), p90_ms: at(0.9), regions_first: regions[0],
  regions_last: regions[regions.length - 1], frames}))
