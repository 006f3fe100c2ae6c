import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { sumOfSquares } from '../../src/accel/kernels/sumOfSquares';
import { SUM_SQUARES_EACH_KERNEL, SUM_SQUARES_KERNEL, sumSquares, sumSquaresEach, sumSquaresEachReference } from '../../src/ops/sumSquares';
import { sumSquaresSimdFor } from '../../src/accel/kernels/sumSquaresKernel';
import { WASM_MODES } from './wasmModes';

const floats = fc.float32Array({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6, maxLength: 300 });

/** Σx² in float64 term by term: the float64 value each path must round to within float32. */
function reference(x: Float32Array): number {
  return x.reduce((acc, v) => acc + v * v, 0);
}

describe('sumOfSquares', () => {
  it('is the float64 sum of squares up to double rounding, whatever the length (tail included)', () => {
    fc.assert(
      fc.property(floats, (x) => {
        const want = reference(x);
        expect(Math.abs(sumOfSquares(x) - want)).toBeLessThanOrEqual(want * 1e-12);
      }),
    );
  });
});

describe('the pure-wasm SIMD Σx² module', () => {
  it("gives sumOfSquares's bits on private and shared memories, whatever the length and offset", () => {
    type Mem = { buffer: ArrayBuffer };
    const api = (globalThis as unknown as { WebAssembly: { Memory: new (d: object) => Mem } }).WebAssembly;
    for (const shared of [false, true]) {
      const memory = new api.Memory(shared ? { initial: 1, maximum: 65536, shared: true } : { initial: 1 });
      const fn = sumSquaresSimdFor(memory);
      expect(fn).toBeTypeOf('function');
      fc.assert(
        fc.property(floats, fc.nat(3), (x, quad) => {
          // Any 4-byte-aligned start: the module's v128 loads need not be 16-byte aligned.
          const view = new Float32Array(memory.buffer, 4 * quad, x.length);
          view.set(x);
          expect(Object.is(fn!(4 * quad, x.length), sumOfSquares(x))).toBe(true);
        }),
      );
    }
  });
});

describe.each([
  { label: 'cpu', start: () => initBackend('cpu') },
  ...WASM_MODES.map((mode) => ({ label: `wasm, ${mode.label}`, start: () => initBackend('wasm', mode.options) })),
])('sumSquares on $label', ({ start }) => {
  it("runs gradproof's kernel and gives Σx² rounded to float32, the value of sumOfSquares", async () => {
    await start();
    expect(tf.getKernel(SUM_SQUARES_KERNEL, tf.getBackend())).toBeDefined();
    fc.assert(
      fc.property(floats, fc.boolean(), (x, asMatrix) => {
        // A 2-D view as well: the kernel reduces over every element, whatever the shape.
        const shape = asMatrix && x.length % 2 === 0 ? [2, x.length / 2] : [x.length];
        const got = tf.tidy(() => sumSquares(tf.tensor(x, shape)).dataSync()[0]!);
        expect(got).toBe(Math.fround(sumOfSquares(x)));
      }),
      { numRuns: 60 },
    );
  });

  it('is closer to the float64 value than the float32 square-then-sum it replaces, and leaks no tensor', async () => {
    await start();
    const x = tf.randomUniform([300, 257], -2, 2, 'float32', 7);
    const want = reference(x.dataSync() as Float32Array);
    const before = tf.memory().numTensors;
    const [got, stock] = tf.tidy(() => [sumSquares(x).dataSync()[0]!, tf.sum(tf.square(x)).dataSync()[0]!]);
    expect(tf.memory().numTensors).toBe(before);
    // Half an ulp of float32 is 6e-8 relative: only the final rounding separates it from float64.
    expect(Math.abs(got - want) / want).toBeLessThan(6e-8);
    expect(Math.abs(got - want)).toBeLessThanOrEqual(Math.abs(stock - want));
    x.dispose();
  });

  it('refuses a non-float32 input by name', async () => {
    await start();
    const ints = tf.tensor([1, 2], [2], 'int32');
    expect(() => tf.engine().runKernel(SUM_SQUARES_KERNEL, { x: ints })).toThrow(/GradproofSumSquares: input x must be float32, got int32/);
    expect(tf.tidy(() => sumSquares(ints).dataSync()[0])).toBe(5);
    ints.dispose();
  });
});

describe.each([
  { label: 'cpu', start: () => initBackend('cpu') },
  ...WASM_MODES.map((mode) => ({ label: `wasm, ${mode.label}`, start: () => initBackend('wasm', mode.options) })),
])('sumSquaresEach on $label', ({ start }) => {
  it("gives, in one dispatch, each tensor's sumSquares bit for bit, as its reference does", async () => {
    await start();
    expect(tf.getKernel(SUM_SQUARES_EACH_KERNEL, tf.getBackend())).toBeDefined();
    fc.assert(
      fc.property(fc.array(floats, { minLength: 1, maxLength: 6 }), (arrays) => {
        const [each, reference, one] = tf.tidy(() => {
          const xs = arrays.map((a, i) => (i % 2 === 1 && a.length % 2 === 0 ? tf.tensor(a, [2, a.length / 2]) : tf.tensor(a)));
          return [
            Array.from(sumSquaresEach(xs).dataSync()),
            Array.from(sumSquaresEachReference(xs).dataSync()),
            xs.map((x) => sumSquares(x).dataSync()[0]!),
          ];
        });
        expect(each).toEqual(one);
        expect(reference).toEqual(one);
        expect(each).toEqual(arrays.map((a) => Math.fround(sumOfSquares(a))));
      }),
      { numRuns: 40 },
    );
  });

  it('takes no tensor to an empty vector, leaves a non-float32 list to the reference, refuses one in the kernel, and leaks nothing', async () => {
    await start();
    const before = tf.memory().numTensors;
    expect(tf.tidy(() => sumSquaresEach([]).shape)).toEqual([0]);
    const ints = tf.tensor([1, 2], [2], 'int32');
    const floats32 = tf.tensor([3], [1]);
    expect(tf.tidy(() => Array.from(sumSquaresEach([floats32, ints]).dataSync()))).toEqual([9, 5]);
    expect(() => tf.engine().runKernel(SUM_SQUARES_EACH_KERNEL, [floats32, ints] as unknown as tf.NamedTensorMap)).toThrow(
      /GradproofSumSquaresEach: every input must be float32, got int32 \(shape \[2\]\)/,
    );
    tf.dispose([ints, floats32]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
