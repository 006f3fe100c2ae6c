import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Adam } from '../../src/train/Adam';
import { TORCH_ADAM } from '../../src/train/AdamConfig';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);

/** torch.optim.Adam's update in float64, written independently of src/train/Adam.ts. */
function reference(theta: number[], grads: number[][], lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8): number[] {
  const m = theta.map(() => 0);
  const v = theta.map(() => 0);
  const p = [...theta];
  grads.forEach((g, k) => {
    const t = k + 1;
    for (let i = 0; i < p.length; i++) {
      m[i] = b1 * m[i]! + (1 - b1) * g[i]!;
      v[i] = b2 * v[i]! + (1 - b2) * g[i]! * g[i]!;
      const mHat = m[i]! / (1 - b1 ** t);
      const vHat = v[i]! / (1 - b2 ** t);
      p[i] = p[i]! - (lr * mHat) / (Math.sqrt(vHat) + eps);
    }
  });
  return p;
}

describe('Adam (PyTorch semantics)', () => {
  it('matches the float64 reference over five steps, including tiny gradients where ε matters', () => {
    const theta = [0.5, -1, 2, 0];
    const grads = [
      [0.1, -0.2, 3, 1e-9],
      [0.05, 0.2, -1, 2e-9],
      [0, 0.1, 0.5, -1e-9],
      [1, -1, 0.25, 5e-9],
      [-0.3, 0.3, 0, 1e-9],
    ];
    const p = tf.variable(tf.tensor1d(theta));
    const opt = new Adam([p], TORCH_ADAM);
    for (const g of grads) tf.tidy(() => opt.apply([tf.tensor1d(g)]));
    const got = Array.from(p.dataSync());
    const want = reference(theta, grads);
    // float32 state: relative 1e-6 of the parameter plus 1e-9 absolute.
    got.forEach((x, i) => expect(Math.abs(x - want[i]!)).toBeLessThan(1e-6 * Math.abs(want[i]!) + 1e-9));
    // Tiny gradients: PyTorch moves θ by lr·g/(|g|+ε) ≈ lr·0.09 at step 1, far from lr.
    expect(Math.abs(got[3]!)).toBeGreaterThan(1e-5);
    expect(opt.step).toBe(5);
    opt.dispose();
    p.dispose();
  });

  it('agrees with tf.train.adam at ε = 1e-8 and differs from its default ε = 1e-7 on tiny gradients', () => {
    const run = (apply: (p: tf.Variable, g: tf.Tensor) => void): number => {
      const p = tf.variable(tf.tensor1d([1]));
      for (let i = 0; i < 3; i++) tf.tidy(() => apply(p, tf.tensor1d([1e-8])));
      const v = p.dataSync()[0]!;
      p.dispose();
      return v;
    };
    let ours: Adam | undefined;
    const mine = run((p, g) => (ours ??= new Adam([p], TORCH_ADAM)).apply([g]));
    const same = tf.train.adam(1e-3, 0.9, 0.999, 1e-8);
    const tfSame = run((p, g) => same.applyGradients([{ name: p.name, tensor: g }]));
    const dflt = tf.train.adam(1e-3);
    const tfDefault = run((p, g) => dflt.applyGradients([{ name: p.name, tensor: g }]));
    expect(Math.abs(mine - tfSame)).toBeLessThan(1e-7);
    // lr·g/(g+ε) per step: 3·1e-3·(1/2) vs 3·1e-3·(1/11) moves differ by ~1e-3.
    expect(Math.abs(mine - tfDefault)).toBeGreaterThan(5e-4);
    ours!.dispose();
    same.dispose();
    dflt.dispose();
  });

  it('leaves no tensors behind after a step', () => {
    const p = tf.variable(tf.ones([3, 3]));
    const opt = new Adam([p], TORCH_ADAM);
    const g = tf.ones([3, 3]);
    const before = tf.memory().numTensors;
    opt.apply([g]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([g, p]);
    opt.dispose();
  });
});
