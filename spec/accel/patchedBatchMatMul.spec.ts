import { beforeAll, describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { WASM_MODES, selectWasmMode, wasmOptions } from './wasmModes';
import { createRng } from '../../src/random/Rng';
import { SIZES, TRANSPOSES, caseData, errorBudget, label, readTidy, runCase, shapesFor, violations } from './matMulOracle';
import type { MatMulCase } from './matMulOracle';

/** Runs every case on cpu (reference and error budget), then on patched wasm; lists disagreements. */
async function disagreementsWithCpu(cases: MatMulCase[]): Promise<string[]> {
  await initBackend('cpu');
  const refs = cases.map((c) => {
    const d = caseData(c, 11);
    return { c, d, expected: runCase(c, d), budget: errorBudget(c, d) };
  });
  await initBackend('wasm', wasmOptions());
  return refs.flatMap(({ c, d, expected, budget }) => {
    const bad = violations(runCase(c, d), expected, budget);
    return bad.length === 0 ? [] : [`${label(c)}: ${bad.join('; ')}`];
  });
}

const rank2: MatMulCase[] = SIZES.flatMap((m) =>
  SIZES.flatMap((k) =>
    SIZES.flatMap((n) => TRANSPOSES.map(([tA, tB]) => ({ ...shapesFor([], [], m, k, n, tA, tB), transposeA: tA, transposeB: tB }))),
  ),
);

const batchPairs: [number[], number[]][] = [
  [[2], [2]],
  [[2], []],
  [[3], [1]],
  [[1], [3]],
  [[2, 3], [3]],
];
const mkn: [number, number, number][] = [
  [1, 3, 17],
  [17, 130, 3],
  [3, 1, 130],
  [130, 17, 1],
];
const rank3: MatMulCase[] = batchPairs.flatMap(([bA, bB]) =>
  mkn.flatMap(([m, k, n]) => TRANSPOSES.map(([tA, tB]) => ({ ...shapesFor(bA, bB, m, k, n, tA, tB), transposeA: tA, transposeB: tB }))),
);

function loss(tA: boolean, tB: boolean) {
  return (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.sin(tf.matMul(a, b, tA, tB)));
}

function gradsOf(tA: boolean, tB: boolean, data: Float32Array[], shapes: number[][]): Float32Array[] {
  return readTidy(() => {
    const [a, b] = data.map((v, i) => tf.tensor(v, shapes[i]));
    return tf.grads(loss(tA, tB))([a!, b!]);
  });
}

function seeded(shape: number[], stream: string): Float32Array {
  const out = new Float32Array(shape.reduce((p, d) => p * d, 1));
  createRng(3, stream).fillUniform(out, -1, 1);
  return out;
}

describe.each(WASM_MODES)('patched wasm BatchMatMul ($label)', (mode) => {
  beforeAll(() => selectWasmMode(mode));

  it(`agrees with cpu within the float32 dot-product bound: rank 2, sizes ${SIZES.join('/')}, all transposes (${rank2.length} cases)`, async () => {
    expect(await disagreementsWithCpu(rank2)).toEqual([]);
  });

  it(`agrees with cpu for batched and broadcast rank-3/4 operands, all transposes (${rank3.length} cases)`, async () => {
    expect(await disagreementsWithCpu(rank3)).toEqual([]);
  });

  it('gives the same gradients as cpu under tf.grads (|Δ| ≤ 1e-5·max|g| + 1e-6)', async () => {
    for (const [tA, tB] of TRANSPOSES) {
      const { aShape, bShape } = shapesFor([], [], 17, 130, 3, tA, tB);
      const data = [seeded(aShape, `a${tA}${tB}`), seeded(bShape, `b${tA}${tB}`)];
      await initBackend('cpu');
      const expected = gradsOf(tA, tB, data, [aShape, bShape]);
      await initBackend('wasm', wasmOptions());
      const actual = gradsOf(tA, tB, data, [aShape, bShape]);
      expected.forEach((g, i) => {
        const tol = 1e-5 * Math.max(...g.map(Math.abs)) + 1e-6;
        const worst = Math.max(...g.map((v, j) => Math.abs(v - actual[i]![j]!)));
        expect(worst, `transposeA=${tA} transposeB=${tB} grad ${i}`).toBeLessThanOrEqual(tol);
      });
    }
  });

  it('is bit-identical when the same inputs run twice, across a backend switch', async () => {
    const aShape = [64, 130];
    const bShape = [64, 33];
    const data = [seeded(aShape, 'det-a'), seeded(bShape, 'det-b')];
    await initBackend('wasm', wasmOptions());
    const first = gradsOf(true, false, data, [aShape, bShape]);
    const [product] = readTidy(() => tf.matMul(tf.tensor(data[0]!, aShape), tf.tensor(data[1]!, bShape), true));
    await initBackend('cpu');
    await initBackend('wasm', wasmOptions());
    const second = gradsOf(true, false, data, [aShape, bShape]);
    const [productAgain] = readTidy(() => tf.matMul(tf.tensor(data[0]!, aShape), tf.tensor(data[1]!, bShape), true));
    first.forEach((g, i) => expect(Buffer.from(second[i]!.buffer).equals(Buffer.from(g.buffer))).toBe(true));
    expect(Buffer.from(productAgain!.buffer).equals(Buffer.from(product!.buffer))).toBe(true);
  });

  // Speed is measured by `gradproof bench`, never asserted in a timed test.

  it('leaks neither tensors nor backend buffers', async () => {
    await initBackend('wasm', wasmOptions());
    const tensors = tf.memory().numTensors;
    const buffers = tf.engine().backend.numDataIds();
    for (const c of rank3.slice(0, 24)) runCase(c, caseData(c, 5));
    gradsOf(
      true,
      true,
      [seeded([5, 4], 'l-a'), seeded([6, 5], 'l-b')],
      [
        [5, 4],
        [6, 5],
      ],
    );
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.engine().backend.numDataIds()).toBe(buffers);
  });

  it('is right for a reshaped view of weights already used with another shape (XNNPACK operator cache)', async () => {
    const w = seeded([6, 4], 'alias-w');
    const x1 = seeded([2, 6], 'alias-x1');
    const x2 = seeded([2, 4], 'alias-x2');
    const x3 = seeded([5, 3], 'alias-x3');
    const run = () =>
      readTidy(() => {
        const wt = tf.tensor(w, [6, 4]);
        return [
          tf.matMul(tf.tensor(x1, [2, 6]), wt),
          tf.matMul(tf.tensor(x2, [2, 4]), tf.reshape(wt, [4, 6])),
          tf.matMul(tf.tensor(x3, [5, 3]), tf.reshape(wt, [3, 8])),
          tf.matMul(tf.tensor(x1, [2, 6]), wt),
        ];
      });
    await initBackend('cpu');
    const expected = run();
    await initBackend('wasm', wasmOptions());
    const actual = run();
    actual.forEach((v, i) => v.forEach((x, j) => expect(Math.abs(x - expected[i]![j]!), `product ${i}[${j}]`).toBeLessThanOrEqual(1e-5)));
  });
});
