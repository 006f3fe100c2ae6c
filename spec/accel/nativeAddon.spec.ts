import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { loadNativeAddon } from '../../src/accel/native/loadNativeAddon';
import { sumOfSquares } from '../../src/accel/kernels/sumOfSquares';
import { INPUT_LUT } from '../../src/data/inputLut';
import { createRng } from '../../src/random/Rng';
import { readTidy } from './matMulOracle';
import { NATIVE_AVAILABLE, NATIVE_GEMM } from './wasmModes';

function seeded(n: number, stream: string): Float32Array {
  const out = new Float32Array(n);
  createRng(5, stream).fillUniform(out, -1, 1);
  return out;
}

/** Every (transposeA, transposeB) combination sgemm takes. */
const TRANSPOSES = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
] as const;

describe.runIf(NATIVE_AVAILABLE)('native addon', () => {
  const addon = NATIVE_AVAILABLE
    ? (loadNativeAddon() as { ok: true; addon: import('../../src/accel/native/NativeAddon').NativeAddon }).addon
    : undefined!;

  it('computes sgemm with every transpose on a plain buffer, matching a float64 reference within 1e-5', () => {
    const [m, n, k] = [3, 5, 7];
    const heap = new ArrayBuffer(4 * (m * k + k * n + m * n));
    const f = new Float32Array(heap);
    f.set(seeded(m * k + k * n, 'sgemm'));
    for (const [tA, tB] of TRANSPOSES) {
      addon.sgemm(heap, tA, tB, m, n, k, 0, 4 * m * k, 4 * (m * k + k * n), 1, 0, 0);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let want = 0;
          for (let p = 0; p < k; p++) want += f[tA ? p * m + i : i * k + p]! * f[m * k + (tB ? j * k + p : p * n + j)]!;
          expect(Math.abs(f[m * k + k * n + i * n + j]! - want), `tA=${tA} tB=${tB} [${i},${j}]`).toBeLessThan(1e-5);
        }
      }
    }
  });

  // With an addon built with oneDNN (see use_dnnl in gemm.c): 64×48 (k 40) goes to oneDNN in
  // every transpose; 1024×1024 (k 8) too, but for its transposed-a products (a weight gradient
  // xᵀ·dy with a large output), which stay with OpenBLAS. The 3×5 product above is OpenBLAS's.
  it.each([
    [64, 48, 40],
    [1024, 1024, 8],
  ])('computes sgemm of %i×%i (k %i) with every transpose within float32 rounding of a float64 reference', (m, n, k) => {
    const heap = new ArrayBuffer(4 * (m * k + k * n + m * n));
    const f = new Float32Array(heap);
    f.set(seeded(m * k + k * n, `sgemm-${m}`));
    for (const [tA, tB] of TRANSPOSES) {
      addon.sgemm(heap, tA, tB, m, n, k, 0, 4 * m * k, 4 * (m * k + k * n), 1, 0, 0);
      let worst = 0;
      for (let i = 0; i < m; i += 7) {
        for (let j = 0; j < n; j += 5) {
          let want = 0;
          let scale = 0;
          for (let p = 0; p < k; p++) {
            const t = f[tA ? p * m + i : i * k + p]! * f[m * k + (tB ? j * k + p : p * n + j)]!;
            want += t;
            scale += Math.abs(t);
          }
          worst = Math.max(worst, Math.abs(f[m * k + k * n + i * n + j]! - want) / scale);
        }
      }
      // k terms each rounded once or twice in float32: far below k·2⁻²⁴ of Σ|terms|.
      expect(worst, `tA=${tA} tB=${tB}`).toBeLessThan(k * 2 ** -24);
    }
  });

  it('refuses offsets outside the heap or misaligned with a RangeError, and a non-buffer heap with a TypeError', () => {
    const heap = new ArrayBuffer(64);
    expect(() => addon.sgemm(heap, false, false, 4, 4, 4, 0, 0, 8, 1, 0, 0)).toThrow(RangeError);
    expect(() => addon.adam(heap, 2, 0, 0, 0, 0, 0, 0, 1, 0.9, 0.1, 0.999, 0.001, 1, 1e-8, 1)).toThrow(/byte offset 2/);
    expect(() => addon.biasRelu(new Float32Array(4) as unknown as ArrayBuffer, 0, 1, 1, 0, true)).toThrow(TypeError);
    expect(() => addon.setThreads(0)).toThrow(RangeError);
    expect(() => addon.setThreads(5000)).toThrow(/setThreads: at most 4096 threads, got 5000/);
  });

  it("measures one thread's multiply-add peak with the widest registers that add speed, and refuses a bad round count", () => {
    const peak = addon.fmaPeak(200_000);
    expect(['avx512', 'avx2', 'none']).toContain(peak.vector);
    // x86-64 CPUs from 2013 on multiply-add in AVX2; a core does at least a few GFLOP/s of them.
    if (peak.vector !== 'none') expect(peak.gflops).toBeGreaterThan(4);
    else expect(peak.gflops).toBe(0);
    expect(() => addon.fmaPeak(0)).toThrow(/fmaPeak: expected a positive number of rounds/);
  });

  it('sums squares in double exactly as the JS path does, and gathers normalised pixels onto the heap', () => {
    for (const n of [0, 1, 3, 4, 7, 1001]) {
      const heap = new ArrayBuffer(4 * (n + 1));
      const x = new Float32Array(heap, 4, n);
      x.set(seeded(n, `sq${n}`));
      expect(addon.sumSquares(heap, 4, n), `n=${n}`).toBe(sumOfSquares(x));
    }
    const images = Uint8Array.from({ length: 3 * 5 }, (_, i) => (i * 37) % 256);
    const heap = new ArrayBuffer(4 * 2 * 5);
    addon.gatherPixels(heap, 0, images, 5, Uint32Array.of(2, 0), INPUT_LUT);
    const want = [...images.subarray(10, 15), ...images.subarray(0, 5)].map((v) => INPUT_LUT[v]!);
    expect(Array.from(new Float32Array(heap))).toEqual(want);
  });

  it('refuses a batch example outside the images, a wrong table or a wrong array type, naming the problem', () => {
    const images = new Uint8Array(3 * 5);
    const heap = new ArrayBuffer(64);
    expect(() => addon.gatherPixels(heap, 0, images, 5, Uint32Array.of(3), INPUT_LUT)).toThrow(/example 3 lies outside 3 images/);
    expect(() => addon.gatherPixels(heap, 0, images, 5, Uint32Array.of(0), new Float32Array(255))).toThrow(/256 floats/);
    expect(() => addon.gatherPixels(heap, 0, images, 5, Int32Array.of(0) as unknown as Uint32Array, INPUT_LUT)).toThrow(/Uint32Array/);
    expect(() => addon.gatherPixels(heap, 48, images, 5, Uint32Array.of(0), INPUT_LUT)).toThrow(RangeError);
    expect(() => addon.sumSquares(heap, 60, 2)).toThrow(/outside the 64-byte heap/);
  });

  it("computes sigmoid with the bits of tfjs's wasm Sigmoid kernel (XNNPACK's) across the floats and at the edges", async () => {
    await initBackend('wasm', { native: true });
    // Every 12,347th bit pattern (all exponents, both signs), then the edges: zeros, subnormals,
    // either side of the flush-to-zero cutoff and of exp's overflow, huge values, infinities.
    const bits = new Uint32Array(1);
    const asFloat = new Float32Array(bits.buffer);
    const inputs: number[] = [];
    for (let b = 0; b < 2 ** 32; b += 12_347) {
      bits[0] = b;
      if (Number.isFinite(asFloat[0]!)) inputs.push(asFloat[0]!);
    }
    inputs.push(0, -0, 1e-45, -1e-45, 87.33654, 87.33655, -87.33654, -87.33655, 88.8, -88.8, 1e30, -1e30, Infinity, -Infinity);
    const x = Float32Array.from(inputs);
    const want = readTidy(() => [tf.sigmoid(tf.tensor1d(x))])[0]!;
    const heap = new ArrayBuffer(8 * x.length);
    new Float32Array(heap, 0, x.length).set(x);
    addon.sigmoid(heap, 0, 4 * x.length, x.length);
    const got = new Float32Array(heap, 4 * x.length, x.length);
    const differing = x.filter((_, i) => !Object.is(got[i], want[i]));
    expect(differing.length, `first inputs that differ: ${Array.from(differing.slice(0, 5)).join(', ')}`).toBe(0);
  });

  it('gives bit-identical products run to run for a fixed OpenBLAS thread count, and records the count', async () => {
    // Different counts may round differently (OpenBLAS blocks the product differently), which is
    // why the count is part of kernelPatches: results are comparable only at equal counts.
    const [m, k, n] = [256, 640, 384];
    const a = seeded(m * k, 'threads-a');
    const b = seeded(k * n, 'threads-b');
    const product = (tA: boolean) => readTidy(() => [tf.matMul(tf.tensor2d(a, tA ? [k, m] : [m, k]), tf.tensor2d(b, [k, n]), tA)])[0]!;
    const results = new Map<number, Buffer[]>();
    for (const blasThreads of [1, 2, 1, 2]) {
      const info = await initBackend('wasm', { native: true, blasThreads });
      expect(addon.info().threads).toBe(blasThreads);
      expect(info.kernelPatches[0]).toBe(
        blasThreads === 1 ? `wasm:BatchMatMul+${NATIVE_GEMM}` : `wasm:BatchMatMul+${NATIVE_GEMM}-t${blasThreads}`,
      );
      const now = [Buffer.from(product(false).buffer), Buffer.from(product(true).buffer)];
      const earlier = results.get(blasThreads);
      if (earlier) now.forEach((r, i) => expect(r.equals(earlier[i]!), `threads ${blasThreads}, product ${i}`).toBe(true));
      results.set(blasThreads, now);
    }
    await initBackend('wasm');
  });
});
