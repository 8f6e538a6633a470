// network.js against neuron_tutorial.partition_2d of a Network: regions per layer, sorted
// areas and sign patterns on random, degenerate and trained networks (fixtures from
// tests/js/fixtures_network.py); the affine maps and locate against a forward pass.
import {test} from 'node:test'
import assert from 'node:assert'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {partition, area, locate_point as locate, boundary, boundaries} from '../../neuron_tutorial/js/network.js'
import {pre_activations} from '../../neuron_tutorial/js/train.js'

const cases = JSON.parse(readFileSync(join(process.env.NT_FIXTURES, 'network_partitions.json'), 'utf8'))

function as_net(net) {
  return {sizes: net.sizes, weights: net.weights.map(w => Float64Array.from(w)),
    biases: net.biases.map(b => Float64Array.from(b))}
}

for (const c of cases) {
  test(`${c.name}: the same regions as Python`, () => {
    const part = partition(as_net(c.network), c.box)
    assert.deepStrictEqual(part.counts, c.counts)
    const areas = part.xs.map((xs, r) => area(xs, part.ys[r])).sort((a, b) => a - b)
    assert.strictEqual(areas.length, c.areas.length)
    areas.forEach((a, i) => assert.ok(Math.abs(a - c.areas[i]) < 1e-9, `area ${i}: ${a} vs ${c.areas[i]}`))
    const mine = new Set(part.signs.map(s => Array.from(s).join(',')))
    assert.strictEqual(mine.size, part.signs.length, 'sign patterns repeat')
    assert.deepStrictEqual(mine, new Set(c.signs.map(s => s.join(','))))
  })

  test(`${c.name}: the same boundary lengths as Python`, () => {
    const net = as_net(c.network)
    const part = partition(net, c.box)
    c.boundary_lengths.forEach((pair, l) => {
      [0, net.sizes[l + 1] - 1].forEach((k, i) => {
        const s = boundary(part, net, l, k, c.box)
        let length = 0
        for (let j = 0; j < s.length; j += 4) length += Math.hypot(s[j + 2] - s[j], s[j + 3] - s[j + 1])
        assert.ok(Math.abs(length - pair[i]) < 1e-9, `layer ${l} neuron ${k}: ${length} vs ${pair[i]}`)
      })
    })
  })

  test(`${c.name}: boundaries gives every neuron's boundary, as boundary does`, () => {
    const net = as_net(c.network)
    const part = partition(net, c.box)
    const all = boundaries(part, net, c.box)
    assert.strictEqual(all.length, net.sizes.length - 1)
    all.forEach((layer, l) => {
      assert.strictEqual(layer.length, net.sizes[l + 1])
      layer.forEach((s, k) => assert.deepStrictEqual(s, boundary(part, net, l, k, c.box), `layer ${l} neuron ${k}`))
    })
  })

  test(`${c.name}: affine maps and locate at every region's centre`, () => {
    const net = as_net(c.network)
    const part = partition(net, c.box)
    part.xs.forEach((xs, r) => {
      const ys = part.ys[r]
      const x = xs.reduce((s, v) => s + v, 0) / xs.length
      const y = ys.reduce((s, v) => s + v, 0) / ys.length
      const z = pre_activations(net, Float64Array.of(x, y), 1)
      z.forEach((values, l) => {
        const {A, c: offsets} = part.maps[l]
        const m = values.length
        values.forEach((v, k) => {
          const affine = A[(r * m + k) * 2] * x + A[(r * m + k) * 2 + 1] * y + offsets[r * m + k]
          assert.ok(Math.abs(affine - v) < 1e-9, `layer ${l} neuron ${k}`)
        })
      })
      assert.strictEqual(locate(part, x, y), r)
    })
    assert.strictEqual(locate(part, c.box[0][1] + 1, c.box[1][1] + 1), -1)
  })
}
