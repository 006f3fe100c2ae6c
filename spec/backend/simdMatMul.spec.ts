import { afterEach, beforeAll, describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { initBackend } from '../../src/backend/initBackend';
import { simdMatMulShape } from '../../src/backend/wasmKernels/simdMatMul';

const seeded = (shape: number[], seed: number) => tf.randomUniform(shape, -1, 1, 'float32', seed);
const bytes = (t: tf.Tensor) => Buffer.from(t.dataSync().buffer);

/** `f` with gradproof's GEMM switched off (GRADPROOF_SIMD_GEMM=0), so products go to XNNPACK. */
function viaXnnpack<T>(f: () => T): T {
  process.env.GRADPROOF_SIMD_GEMM = '0';
  try {
    return f();
  } finally {
    delete process.env.GRADPROOF_SIMD_GEMM;
  }
}

describe('simdMatMul on pure wasm', () => {
  const was = process.env.GRADPROOF_SIMD_GEMM;
  beforeAll(async () => {
    delete process.env.GRADPROOF_SIMD_GEMM;
    await initBackend('wasm', { native: false });
  });
  afterEach(() => {
    if (was !== undefined) process.env.GRADPROOF_SIMD_GEMM = was;
  });

  it('takes every single float32 product, and nothing batched or of another dtype', () => {
    const backend = tf.backend() as BackendWasm;
    const shape = (a: number[], b: number[], tA = false, tB = false, dtype: 'float32' | 'int32' = 'float32') =>
      simdMatMulShape(backend, tf.zeros(a, dtype), tf.zeros(b, dtype), tA, tB);
    expect(shape([128, 3072], [3072, 512])).toEqual([128, 3072, 512]);
    expect(shape([128, 3072], [128, 512], true)).toEqual([3072, 128, 512]);
    expect(shape([128, 256], [512, 256], false, true)).toEqual([128, 256, 512]);
    expect(shape([1, 128, 64], [1, 64, 16])).toEqual([128, 64, 16]);
    // Sizes the micro-kernel does not tile run zero-padded.
    expect(shape([130, 64], [64, 16])).toEqual([130, 64, 16]);
    expect(shape([128, 16], [16, 10])).toEqual([128, 16, 10]);
    expect(shape([128, 10], [16, 10], false, true)).toEqual([128, 10, 16]);
    expect(shape([2, 128, 64], [64, 16])).toBeUndefined(); // a batch
    expect(shape([128, 64], [64, 16], false, false, 'int32')).toBeUndefined();
    viaXnnpack(() => expect(shape([128, 3072], [3072, 512])).toBeUndefined());
  });

  it.each([
    [128, 3072, 512, false, false],
    [128, 3072, 512, true, false],
    [128, 256, 512, false, true],
    [1000, 300, 64, false, false],
    [36, 20, 24, true, true],
    [130, 17, 10, false, false],
    [3, 130, 1, true, false],
    [17, 10, 16, false, true],
    [1, 3, 17, true, true],
  ])("gives the stock XNNPACK kernel's bits for [%i×%i]·[…×%i] (aᵀ %s, bᵀ %s)", (m, k, n, tA, tB) => {
    const a = seeded(tA ? [k, m] : [m, k], m);
    const b = seeded(tB ? [n, k] : [k, n], n);
    expect(simdMatMulShape(tf.backend() as BackendWasm, a, b, tA, tB)).toBeDefined();
    const ours = bytes(tf.matMul(a, b, tA, tB));
    const stock = viaXnnpack(() => bytes(tf.matMul(a, b, tA, tB)));
    expect(ours.equals(stock)).toBe(true);
  });

  it('gives the stock bits for any sizes and transposes (padded edges included)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.boolean(),
        (m, k, n, tA, tB) => {
          const [ours, stock] = tf.tidy(() => {
            const a = seeded(tA ? [k, m] : [m, k], m * 41 + k);
            const b = seeded(tB ? [n, k] : [k, n], n * 43 + k);
            return [bytes(tf.matMul(a, b, tA, tB)), viaXnnpack(() => bytes(tf.matMul(a, b, tA, tB)))];
          });
          expect(ours.equals(stock), JSON.stringify({ m, k, n, tA, tB })).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("gives autodiff's weight and input gradients (xᵀ·dy, dy·Wᵀ) the stock bits", () => {
    const x = seeded([128, 300], 1);
    const w = seeded([300, 64], 2);
    const grads = () =>
      tf
        .grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.sin(tf.matMul(a, b))))([x, w])
        .map(bytes);
    const [gx, gw] = grads();
    const [sx, sw] = viaXnnpack(grads);
    expect(gx!.equals(sx!)).toBe(true);
    expect(gw!.equals(sw!)).toBe(true);
  });

  it('leaks no buffer, scratch included', () => {
    const backend = tf.backend() as BackendWasm;
    const a = seeded([128, 300], 3);
    const b = seeded([300, 64], 4);
    tf.matMul(a, b).dispose();
    const [tensors, buffers] = [tf.memory().numTensors, backend.numDataIds()];
    for (let i = 0; i < 3; i++) tf.matMul(a, b, false, false).dispose();
    tf.matMul(seeded([300, 128], 5), b, true, false).dispose();
    expect(tf.memory().numTensors).toBe(tensors + 1); // the seeded input above
    expect(backend.numDataIds()).toBe(buffers + 1);
  });
});
