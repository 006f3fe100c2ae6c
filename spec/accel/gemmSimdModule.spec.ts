import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { GEMM_KC, GEMM_MC, gemmSimdModuleBytes } from '../../src/accel/simd/gemmSimdModule';
import { relaxedMaddSupport } from '../../src/accel/simd/relaxedMadd';
import { WASM } from '../../src/accel/simd/simdFunctionFor';
import { createRng } from '../../src/random/Rng';
import { fmaF32 } from '../support/fmaF32';

type Product = (...args: number[]) => void;
type Mem = { buffer: ArrayBuffer };
const api = globalThis as unknown as { WebAssembly: { Memory: new (d: object) => Mem } };

interface Target {
  memory: Mem;
  product: Product;
  /** Whether each term rounds once (the relaxed-SIMD build where its multiply-add fuses). */
  fused: boolean;
}

function productOn(shared: boolean, fma = false): Target {
  const memory = new api.WebAssembly.Memory(shared ? { initial: 64, maximum: 65536, shared: true } : { initial: 64 });
  const module = new WASM.Module(gemmSimdModuleBytes(shared, fma));
  const fused = fma && relaxedMaddSupport().fused;
  return { memory, product: new WASM.Instance(module, { env: { memory } }).exports.product as Product, fused };
}

/**
 * op(A)·op(B) the way the module must compute it: Σ over k in order from 0, a float32 product
 * then a float32 sum, or with `fused` one fused float32 multiply-add, a term.
 */
function reference(
  a: Float32Array,
  aT: boolean,
  b: Float32Array,
  bT: boolean,
  m: number,
  k: number,
  n: number,
  fused: boolean,
): Float32Array {
  const c = new Float32Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let kk = 0; kk < k; kk++) {
        const x = aT ? a[kk * m + i]! : a[i * k + kk]!;
        const y = bT ? b[j * k + kk]! : b[kk * n + j]!;
        s = fused ? fmaF32(x, y, s) : Math.fround(s + Math.fround(x * y));
      }
      c[i * n + j] = s;
    }
  }
  return c;
}

interface Case {
  m: number;
  k: number;
  n: number;
  aT: boolean;
  bT: boolean;
  /** How many chunks the product is cut into, and how many threads (slots) take them. */
  chunks: number;
  slots: number;
  seed: number;
}

/**
 * Runs every chunk of the product as `slots` threads taking them in turn would (chunk t by slot
 * t mod slots, each slot packing B with its first chunk), in a shuffled order, and returns C.
 */
function run(target: Target, c: Case, base = 64): { got: Float32Array; want: Float32Array } {
  const { m, k, n, aT, bT, chunks, slots } = c;
  const rng = createRng(c.seed, 'gemm');
  const a = new Float32Array(m * k);
  const b = new Float32Array(k * n);
  rng.fillUniform(a, -1, 1);
  rng.fillUniform(b, -1, 1);
  const [pa, pb] = [base, base + 4 * a.length];
  const scratch = pb + 4 * b.length;
  const pc = scratch + 4 * k * (slots * n + m);
  const heap = new Float32Array(target.memory.buffer);
  heap.set(a, pa / 4);
  heap.set(b, pb / 4);
  heap.fill(Number.NaN, pc / 4, pc / 4 + m * n); // every element must be written
  const order = rng.permutation(chunks);
  const packedBy = new Set<number>();
  for (const t of order) {
    const slot = t % slots;
    target.product(pa, aT ? 1 : 0, pb, bT ? 1 : 0, scratch, pc, m, k, n, t, chunks, slot, slots, packedBy.has(slot) ? 0 : 1);
    packedBy.add(slot);
  }
  return { got: heap.slice(pc / 4, pc / 4 + m * n), want: reference(a, aT, b, bT, m, k, n, target.fused) };
}

const bits = (x: Float32Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);

// The relaxed-SIMD build compiles only where the engine has relaxed SIMD (see relaxedMadd).
const BUILDS = [false, ...(relaxedMaddSupport().available ? [true] : [])];

describe("the SIMD GEMM module's product", () => {
  it('has its relaxed-SIMD build on this Node, and the build fuses its multiply-add on this CPU', () => {
    // x86-64 with FMA3 (every CI machine here) and arm64 fuse; a CPU without FMA would not, and
    // the fma build then rounds as the plain one does.
    expect(relaxedMaddSupport()).toMatchObject({ available: true, fused: true });
  });

  it.each(BUILDS.flatMap((fma) => [false, true].map((shared) => [fma, shared])))(
    'gives the in-order float32 sum bit for bit, any transposes, chunks, threads and order (fma build %s, shared memory %s)',
    (fma, shared) => {
      const target = productOn(shared, fma);
      const cases = fc
        .record({
          m4: fc.integer({ min: 1, max: 10 }),
          k: fc.integer({ min: 1, max: 40 }),
          n8: fc.integer({ min: 1, max: 5 }),
          aT: fc.boolean(),
          bT: fc.boolean(),
          chunks: fc.integer({ min: 1, max: 6 }),
          slots: fc.integer({ min: 1, max: 3 }),
          seed: fc.nat(),
        })
        // At most one chunk per 4-row block (Aᵀ) or 8-column panel, as simdMatMul cuts them.
        .map(({ m4, k, n8, bT, aT, chunks, ...rest }) => ({
          ...rest,
          aT,
          bT,
          m: 4 * m4,
          n: 8 * n8,
          k: bT ? 4 * Math.ceil(k / 4) : k,
          chunks: Math.min(chunks, aT ? m4 : n8),
        }));
      fc.assert(
        fc.property(cases, (c) => {
          const { got, want } = run(target, c);
          expect(bits(got).equals(bits(want)), JSON.stringify(c)).toBe(true);
        }),
        { numRuns: 60 },
      );
    },
  );

  it.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])('crosses its row and depth blocks without changing a bit (aT %s, bT %s)', (aT, bT) => {
    for (const fma of BUILDS) {
      const target = productOn(false, fma);
      // More rows than one row block and more depth than one k block, so partial sums are stored and reloaded.
      const m = GEMM_MC + 8;
      const k = GEMM_KC + 44;
      for (const [chunks, slots] of [
        [1, 1],
        [3, 2],
      ] as const) {
        const { got, want } = run(target, { m, k, n: 24, aT, bT, chunks, slots, seed: 5 });
        expect(bits(got).equals(bits(want)), `fma build ${fma}, ${chunks} chunks, ${slots} slots`).toBe(true);
      }
    }
  });

  it.runIf(relaxedMaddSupport().fused)('gives different bits with the fused build, within float32 rounding of the plain one', () => {
    const c: Case = { m: 64, k: 300, n: 32, aT: false, bT: false, chunks: 1, slots: 1, seed: 9 };
    const plain = run(productOn(false), c).got;
    const fused = run(productOn(false, true), c).got;
    expect(bits(plain).equals(bits(fused))).toBe(false);
    // Both are in-order sums of the same terms; per term, each rounding is within 2⁻²⁴ relative.
    const a = new Float32Array(c.m * c.k);
    const b = new Float32Array(c.k * c.n);
    const rng = createRng(c.seed, 'gemm');
    rng.fillUniform(a, -1, 1);
    rng.fillUniform(b, -1, 1);
    for (let i = 0; i < c.m; i++) {
      for (let j = 0; j < c.n; j++) {
        let absSum = 0;
        for (let kk = 0; kk < c.k; kk++) absSum += Math.abs(a[i * c.k + kk]! * b[kk * c.n + j]!);
        expect(Math.abs(plain[i * c.n + j]! - fused[i * c.n + j]!)).toBeLessThanOrEqual(2 * c.k * 2 ** -24 * absSum);
      }
    }
  });

  it('writes nothing outside C: the bytes around it keep their values', () => {
    const target = productOn(false);
    const heap = new Float32Array(target.memory.buffer);
    heap.fill(7);
    const c: Case = { m: 8, k: 5, n: 16, aT: false, bT: false, chunks: 2, slots: 2, seed: 3 };
    run(target, c, 256);
    const pc = 256 + 4 * (c.m * c.k + c.k * c.n + c.k * (c.slots * c.n + c.m));
    expect([...heap.subarray(pc / 4 + c.m * c.n, pc / 4 + c.m * c.n + 64)].every((v) => v === 7)).toBe(true);
    expect([...heap.subarray(0, 64)].every((v) => v === 7)).toBe(true);
  });
});
