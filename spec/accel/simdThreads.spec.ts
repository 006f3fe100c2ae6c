import { afterAll, describe, it, expect } from 'vitest';
import { SimdThreads, productAlone, simdPool, type AdamScalars, type ProductArgs } from '../../src/accel/simd/simdThreads';
import { adamSimdModuleBytes } from '../../src/accel/kernels/adamSimdModule';
import { gemmSimdModuleBytes } from '../../src/accel/simd/gemmSimdModule';
import { WASM } from '../../src/accel/simd/simdFunctionFor';
import { relaxedMaddSupport } from '../../src/accel/simd/relaxedMadd';
import { createRng } from '../../src/random/Rng';

type Mem = { buffer: ArrayBuffer };
const api = globalThis as unknown as { WebAssembly: { Memory: new (d: object) => Mem } };
const memory = new api.WebAssembly.Memory({ initial: 256, maximum: 65536, shared: true });
const heap = () => new Float32Array(memory.buffer);
// The same module on this thread alone: the reference for the pool.
type Product = Parameters<typeof productAlone>[0];
const productOf = (fma: boolean) =>
  new WASM.Instance(new WASM.Module(gemmSimdModuleBytes(true, fma)), { env: { memory } }).exports.product as Product;
// The relaxed-SIMD build compiles only where the engine has relaxed SIMD (relaxedMaddSupport sets it up).
const BUILDS = [false, ...(relaxedMaddSupport().available ? [true] : [])];
const products = BUILDS.map(productOf);
const single = (args: ProductArgs, fma = false) => productAlone(products[fma ? 1 : 0]!, args);

/** Lays out random operands for op(A)[m, k]·op(B)[k, n] and returns the product's arguments, C at `c`. */
function job(m: number, k: number, n: number, aT: boolean, bT: boolean, seed: number, c: number, threads = 3): ProductArgs {
  const rng = createRng(seed, 'simdThreads');
  const a = new Float32Array(m * k);
  const b = new Float32Array(k * n);
  rng.fillUniform(a, -1, 1);
  rng.fillUniform(b, -1, 1);
  const pa = 1024;
  const pb = pa + 4 * a.length;
  heap().set(a, pa / 4);
  heap().set(b, pb / 4);
  const scratch = pb + 4 * b.length;
  expect(scratch + 4 * k * (threads * n + m)).toBeLessThanOrEqual(c);
  return [pa, aT ? 1 : 0, pb, bT ? 1 : 0, scratch, c, m, k, n];
}

/** The same product with C at `c`. */
const at = (args: ProductArgs, c: number): ProductArgs => [args[0], args[1], args[2], args[3], args[4], c, args[6], args[7], args[8]];

describe('SimdThreads', () => {
  const pool = new SimdThreads(memory, 3);
  afterAll(() => pool.terminate());
  const C1 = 8 << 20;
  const C2 = 12 << 20;
  const out = (c: number, m: number, n: number) => Buffer.from(heap().slice(c / 4, c / 4 + m * n).buffer);

  it.each([
    [64, 300, 96, false, false],
    [200, 64, 48, true, false],
    [64, 128, 40, false, true],
    [12, 40, 8, true, true],
  ])('splits [%i×%i]·[…×%i] (aT %s, bT %s) among its threads with the single-thread bits, either build', (m, k, n, aT, bT) => {
    for (const fma of BUILDS) {
      for (const chunks of [2, 3, Math.min(12, aT ? m / 4 : n / 8)]) {
        const args = job(m, k, n, aT, bT, m + k + n, C1);
        single(args, fma);
        const want = out(C1, m, n);
        heap().fill(Number.NaN, C2 / 4, C2 / 4 + m * n);
        pool.run(at(args, C2), chunks, fma);
        expect(out(C2, m, n).equals(want), `fma build ${fma}, ${chunks} chunks`).toBe(true);
      }
    }
  });

  it.runIf(relaxedMaddSupport().fused)('runs the build it is asked for: fma changes the bits where it fuses', () => {
    const args = job(64, 300, 96, false, false, 7, C1);
    pool.run(args, 4, false);
    const plain = out(C1, 64, 96);
    pool.run(args, 4, true);
    expect(out(C1, 64, 96).equals(plain)).toBe(false);
  });

  it('runs many products back to back, each complete before run returns', () => {
    for (let r = 0; r < 200; r++) {
      const [m, k, n] = [4 * (1 + (r % 5)), 3 + (r % 7), 8 * (1 + (r % 3))];
      const args = job(m, k, n, r % 2 === 0, false, r, C1);
      single(args);
      const want = out(C1, m, n);
      heap().fill(Number.NaN, C2 / 4, C2 / 4 + m * n);
      pool.run(at(args, C2), 1 + (r % Math.min(3, r % 2 === 0 ? m / 4 : n / 8)));
      expect(out(C2, m, n).equals(want), `product ${r}`).toBe(true);
    }
  });

  it('throws, naming the product and its arguments, when a share traps, and keeps working', () => {
    const bad: ProductArgs = [memory.buffer.byteLength - 64, 0, 1024, 0, 4096, C1, 64, 64, 64];
    expect(() => pool.run(bad, 6)).toThrow(/SimdThreads: the \[64×64\]·\[64×64\] product trapped .*\[\d+,0,1024/);
    const args = job(8, 8, 16, false, false, 1, C1);
    single(args);
    const want = out(C1, 8, 16);
    pool.run(at(args, C2), 2);
    expect(out(C2, 8, 16).equals(want)).toBe(true);
  });

  it('refuses a memory that is not shared, a bad thread count and a bad chunk count', () => {
    expect(() => new SimdThreads(new api.WebAssembly.Memory({ initial: 1 }), 2)).toThrow(/SimdThreads: the wasm memory must be shared/);
    expect(() => new SimdThreads(memory, 0)).toThrow(/SimdThreads: threads must be a positive integer, got 0/);
    expect(() => pool.run(job(4, 4, 8, false, false, 1, C1), 0)).toThrow(/SimdThreads: chunks must be an integer in 1\.\.65535, got 0/);
  });

  it('refuses to run on after terminate', () => {
    const short = new SimdThreads(memory, 2);
    short.terminate();
    expect(() => short.run(job(4, 4, 8, false, false, 1, C1), 1)).toThrow(/SimdThreads: the pool has been terminated/);
  });

  it('splits the Adam step into runs of quads with the single-thread bits, whatever the chunks', () => {
    const adam = new WASM.Instance(new WASM.Module(adamSimdModuleBytes(true)), { env: { memory } }).exports.adam as (
      ...a: number[]
    ) => void;
    const quads = 1000;
    const n = 4 * quads;
    const rng = createRng(9, 'adam');
    const inputs = new Float32Array(4 * n);
    rng.fillUniform(inputs, 0, 1); // p, g, m, v (v ≥ 0)
    const scalars: AdamScalars = [0.9, 1 - 0.9, 0.999, 1 - 0.999, Math.sqrt(1 - 0.999 ** 3) / (1 - 0.9 ** 3), 1e-8, 0.001];
    const base = 1024;
    const ptr = (i: number) => base + 4 * n * i;
    heap().set(inputs, base / 4);
    const outputs = (): Buffer => Buffer.from(heap().slice(ptr(4) / 4, ptr(7) / 4).buffer);
    adam(ptr(0), ptr(1), ptr(2), ptr(3), ptr(4), ptr(5), ptr(6), quads, ...scalars);
    const want = outputs();
    for (const chunks of [1, 2, 3, 7, 12]) {
      heap().fill(Number.NaN, ptr(4) / 4, ptr(7) / 4);
      pool.runAdam([ptr(0), ptr(1), ptr(2), ptr(3), ptr(4), ptr(5), ptr(6)], quads, scalars, chunks);
      expect(outputs().equals(want), `${chunks} chunks`).toBe(true);
    }
    expect(() => pool.runAdam([memory.buffer.byteLength, 0, 0, 0, 0, 0, 0], quads, scalars, 3)).toThrow(
      /SimdThreads: the Adam step over 1000 quads trapped/,
    );
  });
});

describe('simdPool', () => {
  it('starts one pool per shared memory, and none for one thread or a memory that is not shared', () => {
    const shared = new api.WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
    expect(simdPool(shared, 1)).toBeUndefined();
    const pool = simdPool(shared, 2);
    expect(pool?.threads).toBe(2);
    expect(simdPool(shared, 2)).toBe(pool);
    expect(simdPool(new api.WebAssembly.Memory({ initial: 1 }), 2)).toBeUndefined();
    pool?.terminate();
  });
});
