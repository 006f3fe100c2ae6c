import { afterEach, beforeAll, describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { initBackend } from '../../src/backend/initBackend';
import { relaxedMaddSupport } from '../../src/accel/simd/relaxedMadd';
import { simdGemmFma, simdMatMulShape } from '../../src/accel/wasmKernels/simdMatMul';
import { fmaF32 } from '../support/fmaF32';

const seeded = (shape: number[], seed: number) => tf.randomUniform(shape, -1, 1, 'float32', seed);
const bytes = (t: tf.Tensor) => Buffer.from(t.dataSync().buffer);

/** `f` with environment variable `name` set to '0' (GRADPROOF_SIMD_GEMM, GRADPROOF_SIMD_FMA are read live). */
function withZero<T>(name: string, f: () => T): T {
  process.env[name] = '0';
  try {
    return f();
  } finally {
    delete process.env[name];
  }
}
/** `f` with gradproof's GEMM switched off, so products go to XNNPACK. */
const viaXnnpack = <T>(f: () => T): T => withZero('GRADPROOF_SIMD_GEMM', f);
/** `f` with the GEMM's plain build: a float32 multiply and a float32 add a term, as XNNPACK. */
const twoRoundings = <T>(f: () => T): T => withZero('GRADPROOF_SIMD_FMA', f);

/**
 * Rows `rows` of op(a)·op(b) summed in order from 0, a term rounded once (fused) or twice, in
 * JavaScript, as bytes.
 */
function inOrder(a: tf.Tensor, b: tf.Tensor, tA: boolean, tB: boolean, fused: boolean, rows: readonly number[]): Buffer {
  const [x, y] = [a.dataSync(), b.dataSync()];
  const [m, k] = tA ? [a.shape[1]!, a.shape[0]!] : [a.shape[0]!, a.shape[1]!];
  const n = tB ? b.shape[0]! : b.shape[1]!;
  const c = new Float32Array(rows.length * n);
  for (const [r, i] of rows.entries()) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let kk = 0; kk < k; kk++) {
        const [u, v] = [tA ? x[kk * m + i]! : x[i * k + kk]!, tB ? y[j * k + kk]! : y[kk * n + j]!];
        s = fused ? fmaF32(u, v, s) : Math.fround(s + Math.fround(u * v));
      }
      c[r * n + j] = s;
    }
  }
  return Buffer.from(c.buffer);
}

/** Those rows of a product's bytes. */
const rowsOf = (c: tf.Tensor, rows: readonly number[]): Buffer => {
  const [data, n] = [c.dataSync(), c.shape[1]!];
  return Buffer.concat(rows.map((i) => Buffer.from(data.slice(i * n, (i + 1) * n).buffer)));
};
/** Every row, or for a big product (the JavaScript reference is slow) 8 spread over it: over every chunk of a row split. */
const rowsToCheck = (m: number, k: number, n: number): number[] =>
  m * k * n <= 1 << 21 ? [...Array(m).keys()] : [...new Set(Array.from({ length: 8 }, (_, t) => Math.round((t * (m - 1)) / 7)))];

describe('simdMatMul on pure wasm', () => {
  const was = process.env.GRADPROOF_SIMD_GEMM;
  const wasFma = process.env.GRADPROOF_SIMD_FMA;
  beforeAll(async () => {
    delete process.env.GRADPROOF_SIMD_GEMM;
    delete process.env.GRADPROOF_SIMD_FMA;
    await initBackend('wasm', { native: false });
  });
  afterEach(() => {
    if (was !== undefined) process.env.GRADPROOF_SIMD_GEMM = was;
    if (wasFma !== undefined) process.env.GRADPROOF_SIMD_FMA = wasFma;
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
  ])(
    "gives the stock XNNPACK kernel's bits for [%i×%i]·[…×%i] (aᵀ %s, bᵀ %s) with two roundings, the fused sum's with fma",
    (m, k, n, tA, tB) => {
      const a = seeded(tA ? [k, m] : [m, k], m);
      const b = seeded(tB ? [n, k] : [k, n], n);
      expect(simdMatMulShape(tf.backend() as BackendWasm, a, b, tA, tB)).toBeDefined();
      const ours = twoRoundings(() => bytes(tf.matMul(a, b, tA, tB)));
      const stock = viaXnnpack(() => bytes(tf.matMul(a, b, tA, tB)));
      expect(ours.equals(stock)).toBe(true);
      const rows = rowsToCheck(m, k, n);
      expect(rowsOf(tf.matMul(a, b, tA, tB), rows).equals(inOrder(a, b, tA, tB, simdGemmFma(), rows))).toBe(true);
    },
  );

  it('gives the stock bits with two roundings, and the in-order sum (fused where simdGemmFma holds), for any sizes and transposes (padded edges included)', () => {
    expect(simdGemmFma()).toBe(relaxedMaddSupport().fused);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.boolean(),
        (m, k, n, tA, tB) => {
          tf.tidy(() => {
            const a = seeded(tA ? [k, m] : [m, k], m * 41 + k);
            const b = seeded(tB ? [n, k] : [k, n], n * 43 + k);
            const at = JSON.stringify({ m, k, n, tA, tB });
            const stock = viaXnnpack(() => bytes(tf.matMul(a, b, tA, tB)));
            expect(twoRoundings(() => bytes(tf.matMul(a, b, tA, tB))).equals(stock), at).toBe(true);
            const want = inOrder(a, b, tA, tB, simdGemmFma(), [...Array(m).keys()]);
            expect(bytes(tf.matMul(a, b, tA, tB)).equals(want), at).toBe(true);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it("gives autodiff's weight and input gradients (xᵀ·dy, dy·Wᵀ) the stock bits", () => {
    const x = seeded([128, 300], 1);
    const w = seeded([300, 64], 2);
    const grads = () =>
      tf
        .grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.sin(tf.matMul(a, b))))([x, w])
        .map(bytes);
    const [gx, gw] = twoRoundings(grads);
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
