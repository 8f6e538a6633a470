// train.js against neuron_tutorial.training: bit-identical data and initial weights,
// 50 training steps to 1e-9 (fixtures from tests/js/fixtures_network.py).
import {test} from 'node:test'
import assert from 'node:assert'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Mulberry32, dataset, init_network, step, log, sin, cos} from '../../neuron_tutorial/js/train.js'

const cases = JSON.parse(readFileSync(join(process.env.NT_FIXTURES, 'network_training.json'), 'utf8'))

function copy(net) {
  return {sizes: net.sizes, weights: net.weights.map(w => Float64Array.from(w)),
    biases: net.biases.map(b => Float64Array.from(b))}
}

const streams = JSON.parse(readFileSync(join(process.env.NT_FIXTURES, 'network_uniforms.json'), 'utf8'))

test('mulberry32 draws the same uniforms and normals as Python', () => {
  for (const {seed, uniforms, normals} of streams) {
    const rng = new Mulberry32(seed)
    assert.deepStrictEqual(uniforms.map(() => rng.uniform()), uniforms)
    assert.deepStrictEqual(normals.map(() => rng.normal()), normals)
  }
})

test('series log, sin and cos are within 1e-15 of Math', () => {
  for (let i = 1; i <= 1000; i++) {
    const u = i / 1000
    assert.ok(Math.abs(log(u) - Math.log(u)) < 1e-15)
    const x = -7 + 14 * u
    assert.ok(Math.abs(sin(x) - Math.sin(x)) < 2e-15 && Math.abs(cos(x) - Math.cos(x)) < 2e-15)
  }
})

for (const c of cases) {
  test(`${c.name}: the same data and initial weights bit for bit`, () => {
    const data = dataset(c.name, c.count, c.noise, c.seed, c.classes)
    assert.deepStrictEqual(Array.from(data.points), c.points)
    assert.deepStrictEqual(Array.from(data.labels), c.labels)
    const net = init_network(c.initial.sizes, c.init_seed)
    net.weights.forEach((w, l) => assert.deepStrictEqual(Array.from(w), c.initial.weights[l]))
    net.biases.forEach((b, l) => assert.deepStrictEqual(Array.from(b), c.initial.biases[l]))
  })

  test(`${c.name}: ${c.steps} steps agree with Python to 1e-9`, () => {
    const net = copy(c.initial)
    const points = Float64Array.from(c.points)
    const labels = Int32Array.from(c.labels)
    let velocity = null
    for (let s = 0; s < c.steps; s++) {
      const result = step(net, points, labels, c.rate, c.momentum, velocity)
      velocity = result.velocity
      assert.ok(Math.abs(result.loss - c.losses[s]) < 1e-9, `loss at step ${s}`)
    }
    for (const key of ['weights', 'biases']) {
      net[key].forEach((theta, l) => {
        const worst = Math.max(...theta.map((v, i) => Math.abs(v - c.final[key][l][i])))
        assert.ok(worst < 1e-9, `${key}[${l}] differs by ${worst}`)
      })
    }
  })
}
