import { beforeAll, describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { createRng } from '../../src/random/Rng';
import { readTidy } from './matMulOracle';
import { WASM_MODES, selectWasmMode, wasmOptions } from './wasmModes';

/** [shape, axis, keepDims]: trailing, leading, full, middle and split axes, tiny and odd sizes. */
const CASES: [number[], number | number[] | null, boolean][] = [
  [[1000], null, false],
  [[37, 129], null, false],
  [[37, 129], 1, false],
  [[37, 129], 0, false],
  [[37, 129], 0, true],
  [[37, 129], [0, 1], true],
  [[128, 1], 0, false],
  [[1, 5], -1, false],
  [[4, 5, 6], [1, 2], false],
  [[4, 5, 6], [0, 1], false],
  [[4, 5, 6], [0, 2], false],
  [[4, 5, 6], 1, true],
];

function values(shape: number[], i: number): Float32Array {
  const out = new Float32Array(shape.reduce((p, d) => p * d, 1));
  createRng(9, `sum${i}`).fillUniform(out, -3, 5);
  return out;
}

function sums(): { shape: number[]; values: Float32Array }[] {
  return CASES.map(([shape, axis, keepDims], i) => {
    const [out] = readTidy(() => [tf.sum(tf.tensor(values(shape, i), shape), axis ?? undefined, keepDims)]);
    const [outShape] = [tf.tidy(() => tf.sum(tf.tensor(values(shape, i), shape), axis ?? undefined, keepDims).shape)];
    return { shape: outShape, values: out! };
  });
}

describe.each(WASM_MODES)('patched wasm Sum ($label)', (mode) => {
  beforeAll(() => selectWasmMode(mode));

  it(`agrees with cpu in shape and within 1e-6·Σ|x| for ${CASES.length} axis patterns`, async () => {
    await initBackend('cpu');
    const expected = sums();
    await initBackend('wasm', wasmOptions());
    const actual = sums();
    CASES.forEach(([shape, axis, keepDims], i) => {
      const what = `sum of ${JSON.stringify(shape)} over ${JSON.stringify(axis)}${keepDims ? ' keepDims' : ''}`;
      expect(actual[i]!.shape, what).toEqual(expected[i]!.shape);
      const scale = values(shape, i).reduce((s, v) => s + Math.abs(v), 0);
      actual[i]!.values.forEach((v, j) => expect(Math.abs(v - expected[i]!.values[j]!), `${what}[${j}]`).toBeLessThanOrEqual(1e-6 * scale));
    });
  });

  it('leaves int32 sums exact and leaks no tensors', async () => {
    await initBackend('wasm', wasmOptions());
    const before = tf.memory().numTensors;
    expect(tf.tidy(() => tf.sum(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), 0).arraySync())).toEqual([4, 6]);
    sums();
    expect(tf.memory().numTensors).toBe(before);
  });
});
