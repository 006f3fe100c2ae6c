import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { batchNormBackward, batchNormForward } from '../../src/accel/kernels/batchNormMath';
import { BN_BACKWARD_KERNEL, BN_FORWARD_KERNEL, fusedBatchNormAvailable } from '../../src/ops/batchNormTraining';
import { BN_EPSILON } from '../../src/models/batchNorm';
import { createRng } from '../../src/random/Rng';
import { NATIVE_AVAILABLE } from './wasmModes';

function seeded(n: number, stream: string, lo: number, hi: number): Float32Array {
  const out = new Float32Array(n);
  createRng(13, stream).fillUniform(out, lo, hi);
  return out;
}

/** Runs both fused kernels on the active backend and returns every output's values. */
function runKernels(x: Float32Array, dy: Float32Array, gamma: Float32Array, beta: Float32Array, n: number, c: number): Float32Array[] {
  return tf.tidy(() => {
    const attrs = { eps: BN_EPSILON } as unknown as tf.NamedAttrMap;
    const fwd = tf
      .engine()
      .runKernel(
        BN_FORWARD_KERNEL,
        { x: tf.tensor2d(x, [n, c]), gamma: tf.tensor1d(gamma), beta: tf.tensor1d(beta) },
        attrs,
      ) as tf.Tensor[];
    const g = tf.tensor1d(gamma);
    const bwd = tf
      .engine()
      .runKernel(BN_BACKWARD_KERNEL, { dy: tf.tensor2d(dy, [n, c]), xHat: fwd[1]!, std: fwd[4]!, gamma: g }) as tf.Tensor[];
    return [...fwd, ...bwd].map((t) => t.dataSync() as Float32Array);
  });
}

/** The same through batchNormMath directly. */
function reference(x: Float32Array, dy: Float32Array, gamma: Float32Array, beta: Float32Array, n: number, c: number): Float32Array[] {
  const f = {
    y: new Float32Array(n * c),
    xHat: new Float32Array(n * c),
    mean: new Float32Array(c),
    variance: new Float32Array(c),
    std: new Float32Array(c),
  };
  batchNormForward(x, n, c, gamma, beta, BN_EPSILON, f);
  const b = { dx: new Float32Array(n * c), dGamma: new Float32Array(c), dBeta: new Float32Array(c) };
  batchNormBackward(dy, f.xHat, f.std, gamma, n, c, b);
  return [f.y, f.xHat, f.mean, f.variance, f.std, b.dx, b.dGamma, b.dBeta];
}

const shapes = fc.record({ n: fc.integer({ min: 1, max: 40 }), c: fc.integer({ min: 1, max: 20 }), seed: fc.nat(1000) });

describe.each([
  { label: 'cpu (JavaScript)', run: true, start: () => initBackend('cpu') },
  { label: 'wasm (native addon)', run: NATIVE_AVAILABLE, start: () => initBackend('wasm', { native: true }) },
])('fused batch-norm kernels on $label', ({ run, start }) => {
  it.runIf(run)("give exactly batchNormMath's bits for forward and backward, whatever the shape", async () => {
    await start();
    expect(fusedBatchNormAvailable()).toBe(true);
    fc.assert(
      fc.property(shapes, ({ n, c, seed }) => {
        const x = seeded(n * c, `x${seed}`, -4, 6);
        const dy = seeded(n * c, `dy${seed}`, -1, 1);
        const gamma = seeded(c, `g${seed}`, 0.5, 2);
        const beta = seeded(c, `b${seed}`, -1, 1);
        const got = runKernels(x, dy, gamma, beta, n, c);
        const want = reference(x, dy, gamma, beta, n, c);
        ['y', 'xHat', 'mean', 'variance', 'std', 'dx', 'dGamma', 'dBeta'].forEach((name, i) =>
          expect(got[i], `${name} (${n}×${c})`).toEqual(want[i]),
        );
      }),
      { numRuns: 40 },
    );
  });

  it.runIf(run)('refuses a non-float32 input by name', async () => {
    await start();
    const ints = tf.tensor2d([1, 2], [1, 2], 'int32');
    const v = tf.tensor1d([1, 1]);
    expect(() => tf.engine().runKernel(BN_FORWARD_KERNEL, { x: ints, gamma: v, beta: v }, { eps: 1e-5 })).toThrow(
      /GradproofBatchNorm: input x must be float32, got int32/,
    );
    tf.dispose([ints, v]);
  });
});

describe('batchNormMath', () => {
  it('normalises each column to mean 0 and variance σ²/(σ²+ε), with γ and β applied after', () => {
    const [n, c] = [64, 3];
    const x = seeded(n * c, 'math', -2, 9);
    const [y, xHat, mean, variance] = reference(x, new Float32Array(n * c), Float32Array.of(1, 2, 3), Float32Array.of(0, 1, -1), n, c);
    for (let j = 0; j < c; j++) {
      let m = 0;
      let v = 0;
      for (let r = 0; r < n; r++) m += xHat![r * c + j]! / n;
      for (let r = 0; r < n; r++) v += (xHat![r * c + j]! - m) ** 2 / n;
      expect(Math.abs(m)).toBeLessThan(1e-6);
      expect(v).toBeCloseTo(variance![j]! / (variance![j]! + BN_EPSILON), 5);
      expect(y![j]).toBeCloseTo(xHat![j]! * (j + 1) + [0, 1, -1][j]!, 5);
      const exact = Array.from({ length: n }, (_, r) => x[r * c + j]!).reduce((a, b) => a + b, 0) / n;
      expect(mean![j]).toBeCloseTo(exact, 5);
    }
  });
});

describe('fusedBatchNormAvailable', () => {
  it('is false on pure wasm, where the stock SIMD kernels beat JavaScript loops', async () => {
    await initBackend('wasm', { native: false });
    expect(fusedBatchNormAvailable()).toBe(false);
  });
});
