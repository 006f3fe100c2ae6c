import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { BN_EPSILON, batchNorm, type BatchNormState } from '../../src/models/batchNorm';
import { createRng } from '../../src/random/Rng';
import { WASM_MODES } from '../accel/wasmModes';

function seeded(n: number, stream: string, lo = -1, hi = 1): Float32Array {
  const out = new Float32Array(n);
  createRng(21, stream).fillUniform(out, lo, hi);
  return out;
}

/** Training-mode batch norm by plain autodiff: the formula the custom gradient must match. */
function autodiffBatchNorm(x: tf.Tensor2D, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, 0);
  return x.sub(mean).div(variance.add(BN_EPSILON).sqrt()).mul(gamma).add(beta);
}

function gradsOf(rows: number, cols: number, custom: boolean): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.tensor2d(seeded(rows * cols, `x${rows}`, -3, 5), [rows, cols]);
    const gamma = tf.tensor1d(seeded(cols, 'gamma', 0.5, 2));
    const beta = tf.tensor1d(seeded(cols, 'beta'));
    const weights = tf.tensor2d(seeded(rows * cols, `w${rows}`), [rows, cols]);
    const loss = (xi: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const state = { gamma: g, beta: b } as unknown as BatchNormState;
      const y = custom ? batchNorm(xi as tf.Tensor2D, state, true).y : autodiffBatchNorm(xi as tf.Tensor2D, g, b);
      // A non-linear, unevenly weighted loss so no gradient vanishes by symmetry.
      return tf.sum(tf.mul(tf.sin(y), weights));
    };
    return tf
      .grads(loss)([x, gamma, beta])
      .map((g) => g.dataSync() as Float32Array);
  });
}

// cpu and wasm + native take gradproof's fused kernels; pure wasm the op-by-op customGrad.
const BACKENDS = [
  { label: 'cpu', start: () => initBackend('cpu') },
  ...WASM_MODES.map((mode) => ({ label: `wasm, ${mode.label}`, start: () => initBackend('wasm', mode.options) })),
];

describe.each(BACKENDS)('batchNorm custom gradient on $label', ({ start }) => {
  it.each([
    [128, 16],
    [2, 3],
    [33, 1],
  ])('equals autodiff for x, γ and β within float32 tolerance (%i×%i)', async (rows, cols) => {
    await start();
    const expected = gradsOf(rows, cols, false);
    const actual = gradsOf(rows, cols, true);
    ['x', 'gamma', 'beta'].forEach((name, i) => {
      const scale = Math.max(...expected[i]!.map(Math.abs));
      const worst = Math.max(...expected[i]!.map((v, j) => Math.abs(v - actual[i]![j]!)));
      // |Δ| ≤ 1e-4·max|g| + 1e-6: a few hundred float32 roundings over sums of up to 128 rows.
      expect(worst, `∂${name}`).toBeLessThanOrEqual(1e-4 * scale + 1e-6);
    });
    // With two rows x̂ = ±1 whatever x is, so ∂x vanishes there; elsewhere it must not.
    if (rows > 2) expect(Math.max(...expected[0]!.map(Math.abs))).toBeGreaterThan(1e-3);
  });

  it('leaves no tensors behind inside a tidy, moments included', async () => {
    await start();
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const state = { gamma: tf.ones([4]), beta: tf.zeros([4]) } as unknown as BatchNormState;
      const { moments } = batchNorm(tf.tensor2d(seeded(12, 'leak'), [3, 4]), state, true);
      expect(moments!.mean.shape).toEqual([4]);
    });
    tf.grads((x: tf.Tensor) =>
      batchNorm(x as tf.Tensor2D, { gamma: tf.ones([4]), beta: tf.zeros([4]) } as unknown as BatchNormState, true).y.sum(),
    )([tf.tensor2d(seeded(12, 'leak2'), [3, 4])]);
    // tf.grads leaves its result and the input; tidy the rest away.
    expect(tf.memory().numTensors - before).toBeLessThanOrEqual(10);
  });
});
