// train: 2-D toy data sets and a small network trained by full-batch gradient descent.
// Mirrors neuron_tutorial/training.py line for line: the same seed gives bit-identical data
// and initial weights (mulberry32, and log / sin / cos as series of + - * /, which IEEE
// arithmetic rounds the same way in both languages), and the same training steps to
// rounding (Math.exp and numpy's exp may differ in the last bit).
//
// A network is {sizes: [n, m_1, ..., m_L], weights: [Float64Array(m_l * n_l) row by row],
// biases: [Float64Array(m_l)]}, as network.js reads it. No DOM, no Bokeh.

export const DATASETS = ['moons', 'circles', 'xor', 'spiral']
const TAU = 6.283185307179586
const LN2 = 0.6931471805599453

// Tommy Ettinger's mulberry32 (training.Mulberry32): uniforms in [0, 1) with 32 random bits.
export class Mulberry32 {
  constructor(seed) {
    this.state = seed >>> 0
  }

  uniform() {
    this.state = (this.state + 0x6D2B79F5) >>> 0
    const a = this.state
    let t = Math.imul(a ^ (a >>> 15), 1 | a) >>> 0
    t = ((t + (Math.imul(t ^ (t >>> 7), 61 | t) >>> 0)) >>> 0 ^ t) >>> 0
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  // A standard normal by Box–Muller (the cosine half; two uniforms per draw).
  normal() {
    const u1 = 1.0 - this.uniform()
    const u2 = this.uniform()
    return Math.sqrt(-2.0 * log(u1)) * cos(TAU * u2)
  }
}

// Natural log of x > 0 (training._log): into [0.75, 1.5) by halving or doubling, then atanh's series.
export function log(x) {
  let k = 0
  while (x >= 1.5) { x *= 0.5; k += 1 }
  while (x < 0.75) { x *= 2.0; k -= 1 }
  const s = (x - 1.0) / (x + 1.0)
  const s2 = s * s
  let total = 0.0
  for (let power = 29; power > 0; power -= 2) total = total * s2 + 1.0 / power
  return 2.0 * s * total + k * LN2
}

const SIN_SERIES = [1.0]
for (let i = 1; i < 17; i++) SIN_SERIES.push(-SIN_SERIES[i - 1] / ((2 * i) * (2 * i + 1)))

// training._sin: the Taylor series to x^33 / 33! after reducing x into [-π, π].
export function sin(x) {
  x = x - TAU * Math.floor(x / TAU + 0.5)
  const x2 = x * x
  let total = 0.0
  for (let i = SIN_SERIES.length - 1; i >= 0; i--) total = SIN_SERIES[i] + x2 * total
  return x * total
}

export function cos(x) {
  return sin(x + 1.5707963267948966)
}

// training.dataset: {points: Float64Array(2N) as x0, y0, x1, ..., labels: Int32Array(N)}.
export function dataset(name, count = 200, noise = 0.1, seed = 0, classes = 2) {
  if (!DATASETS.includes(name)) throw new Error(`name must be one of ${DATASETS}, got ${name}`)
  if (classes !== 2 && name !== 'spiral') throw new Error(`classes must be 2 for ${name}`)
  const rng = new Mulberry32(seed)
  const points = new Float64Array(2 * count)
  const labels = new Int32Array(count)
  for (let i = 0; i < count; i++) {
    const [x, y, label] = draw_sample(name, i % classes, classes, rng)
    points[2 * i] = x + noise * rng.normal()
    points[2 * i + 1] = y + noise * rng.normal()
    labels[i] = label
  }
  return {points, labels}
}

function draw_sample(name, label, classes, rng) {
  if (name === 'moons') {
    const angle = 3.141592653589793 * rng.uniform()
    if (label === 0) {
      return [(cos(angle) - 0.5) * 0.6666666666666666, (sin(angle) - 0.25) * 0.6666666666666666, label]
    }
    return [(0.5 - cos(angle)) * 0.6666666666666666, (0.25 - sin(angle)) * 0.6666666666666666, label]
  }
  if (name === 'circles') {
    const angle = TAU * rng.uniform()
    const radius = label === 1 ? 0.35 : 0.8
    return [radius * cos(angle), radius * sin(angle), label]
  }
  if (name === 'xor') {
    const x = 2.0 * rng.uniform() - 1.0
    const y = 2.0 * rng.uniform() - 1.0
    return [x, y, x * y > 0 ? 1 : 0]
  }
  const along = rng.uniform()
  const radius = 0.05 + 0.9 * along
  const angle = 1.75 * TAU * along + TAU * label / classes
  return [radius * cos(angle), radius * sin(angle), label]
}

// training.init_network: He initialisation, W_l row by row N(0, 2 / n_l), then b_l N(0, 0.01).
export function init_network(sizes, seed = 0) {
  const rng = new Mulberry32(seed)
  const weights = []
  const biases = []
  for (let l = 1; l < sizes.length; l++) {
    const n = sizes[l - 1]
    const m = sizes[l]
    const scale = Math.sqrt(2.0 / n)
    const w = new Float64Array(m * n)
    for (let i = 0; i < m * n; i++) w[i] = scale * rng.normal()
    const b = new Float64Array(m)
    for (let i = 0; i < m; i++) b[i] = 0.1 * rng.normal()
    weights.push(w)
    biases.push(b)
  }
  return {sizes: [...sizes], weights, biases}
}

// Every layer's pre-activation for N points (x: Float64Array(N * n)): [Float64Array(N * m_l)].
export function pre_activations(net, x, count) {
  const outputs = []
  let input = x
  for (let l = 0; l < net.weights.length; l++) {
    const n = net.sizes[l]
    const m = net.sizes[l + 1]
    const w = net.weights[l]
    const b = net.biases[l]
    const z = new Float64Array(count * m)
    for (let p = 0; p < count; p++) {
      for (let k = 0; k < m; k++) {
        let total = b[k]
        for (let j = 0; j < n; j++) {
          const v = input[p * n + j]
          if (l === 0 || v > 0) total += w[k * n + j] * v // ReLU of the layer below
        }
        z[p * m + k] = total
      }
    }
    outputs.push(z)
    input = z
  }
  return outputs
}

// training.loss_and_gradients: {loss, weights: [dW_l], biases: [db_l]}, shaped like the network.
export function loss_and_gradients(net, points, labels) {
  const count = labels.length
  const pre = pre_activations(net, points, count)
  const L = net.weights.length
  const outputs = net.sizes[L]
  const z = pre[L - 1]
  let d = new Float64Array(count * outputs)
  let loss = 0
  if (outputs === 1) {
    for (let p = 0; p < count; p++) {
      const v = z[p]
      const e = Math.exp(-Math.abs(v))
      loss += Math.log1p(e) + Math.max(v, 0) - labels[p] * v
      d[p] = ((v >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e)) - labels[p]) / count
    }
  } else {
    for (let p = 0; p < count; p++) {
      let top = -Infinity
      for (let k = 0; k < outputs; k++) top = Math.max(top, z[p * outputs + k])
      let sum = 0
      for (let k = 0; k < outputs; k++) sum += Math.exp(z[p * outputs + k] - top)
      const logSum = Math.log(sum)
      loss -= z[p * outputs + labels[p]] - top - logSum
      for (let k = 0; k < outputs; k++) {
        const prob = Math.exp(z[p * outputs + k] - top - logSum)
        d[p * outputs + k] = (prob - (k === labels[p] ? 1 : 0)) / count
      }
    }
  }
  const gradW = new Array(L)
  const gradB = new Array(L)
  for (let l = L - 1; l >= 0; l--) {
    const n = net.sizes[l]
    const m = net.sizes[l + 1]
    const below = l === 0 ? points : pre[l - 1]
    const gw = new Float64Array(m * n)
    const gb = new Float64Array(m)
    for (let p = 0; p < count; p++) {
      for (let k = 0; k < m; k++) {
        const g = d[p * m + k]
        if (g === 0) continue
        gb[k] += g
        for (let j = 0; j < n; j++) {
          const v = below[p * n + j]
          if (l === 0 || v > 0) gw[k * n + j] += g * v
        }
      }
    }
    gradW[l] = gw
    gradB[l] = gb
    if (l > 0) { // back through the weights and the ReLU of the layer below
      const w = net.weights[l]
      const next = new Float64Array(count * n)
      for (let p = 0; p < count; p++) {
        for (let j = 0; j < n; j++) {
          if (!(pre[l - 1][p * n + j] > 0)) continue
          let total = 0
          for (let k = 0; k < m; k++) total += d[p * m + k] * w[k * n + j]
          next[p * n + j] = total
        }
      }
      d = next
    }
  }
  return {loss: loss / count, weights: gradW, biases: gradB}
}

// training.step, in place: v = momentum v - rate g, θ = θ + v. velocity is null on the first
// step; returns {velocity, loss} (the loss before the step).
export function step(net, points, labels, rate = 0.1, momentum = 0.0, velocity = null) {
  const grads = loss_and_gradients(net, points, labels)
  if (velocity === null) {
    velocity = {
      weights: net.weights.map(w => new Float64Array(w.length)),
      biases: net.biases.map(b => new Float64Array(b.length)),
    }
  }
  for (const key of ['weights', 'biases']) {
    for (let l = 0; l < net[key].length; l++) {
      const theta = net[key][l]
      const v = velocity[key][l]
      const g = grads[key][l]
      for (let i = 0; i < theta.length; i++) {
        v[i] = momentum * v[i] - rate * g[i]
        theta[i] += v[i]
      }
    }
  }
  return {velocity, loss: grads.loss}
}
