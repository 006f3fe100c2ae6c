import { beforeAll, describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { WASM_MODES, selectWasmMode, wasmOptions } from './wasmModes';
import { TRANSPOSES, caseData, errorBudget, label, readTidy, runCase, shapesFor, violations } from './matMulOracle';
import type { MatMulCase } from './matMulOracle';

const ACTIVATIONS: tf.fused.Activation[] = ['linear', 'relu', 'relu6', 'sigmoid', 'elu', 'leakyrelu', 'prelu'];

async function disagreementsWithCpu(cases: MatMulCase[]): Promise<string[]> {
  await initBackend('cpu');
  const refs = cases.map((c) => {
    const d = caseData(c, 13);
    return { c, d, expected: runCase(c, d), budget: errorBudget(c, d) };
  });
  await initBackend('wasm', wasmOptions());
  return refs.flatMap(({ c, d, expected, budget }) => {
    const bad = violations(runCase(c, d), expected, budget);
    return bad.length === 0 ? [] : [`${label(c)}: ${bad.join('; ')}`];
  });
}

function fusedCases(batchA: number[], batchB: number[], m: number, k: number, n: number, biasShapes: (number[] | undefined)[]) {
  return TRANSPOSES.flatMap(([tA, tB]) =>
    ACTIVATIONS.flatMap((activation) =>
      biasShapes.map((biasShape) => ({
        ...shapesFor(batchA, batchB, m, k, n, tA, tB),
        transposeA: tA,
        transposeB: tB,
        fused: { activation, biasShape },
      })),
    ),
  );
}

// k = 130 > 48 exercises the stock kernel's per-block bias and clamp; n = 17 ≠ m tells rows from columns.
const rank2 = [
  ...fusedCases([], [], 3, 130, 17, [[17], undefined, [1], [3, 17]]),
  ...fusedCases([], [], 1, 3, 1, [[1]]),
  ...fusedCases([], [], 17, 1, 130, [[130]]),
];
const rank3 = [
  ...fusedCases([2], [2], 3, 130, 17, [[17]]),
  ...fusedCases([2], [1], 17, 3, 3, [[3]]),
  ...fusedCases([1], [3], 3, 17, 1, [[1]]),
];

function stockKernel(name: string): KernelFunc {
  const patched = tf.getKernel(name, 'wasm')!.kernelFunc as KernelFunc & Record<symbol, KernelFunc>;
  return patched[Symbol.for('gradproof.backend.stockKernel')]!;
}

describe.each(WASM_MODES)('patched wasm _FusedMatMul ($label)', (mode) => {
  beforeAll(() => selectWasmMode(mode));

  it(`agrees with cpu for every activation, bias shape and transpose, rank 2 (${rank2.length} cases)`, async () => {
    expect(await disagreementsWithCpu(rank2)).toEqual([]);
  });

  it(`agrees with cpu for batched and broadcast operands (${rank3.length} cases)`, async () => {
    expect(await disagreementsWithCpu(rank3)).toEqual([]);
  });

  it('gives the same gradients as cpu for a, b and bias (|Δ| ≤ 1e-5·max|g| + 1e-6)', async () => {
    for (const [tA, tB] of TRANSPOSES) {
      for (const activation of ['linear', 'relu'] as const) {
        const c: MatMulCase = {
          ...shapesFor([], [], 5, 130, 17, tA, tB),
          transposeA: tA,
          transposeB: tB,
          fused: { activation, biasShape: [17] },
        };
        const d = caseData(c, 17);
        const grads = () =>
          readTidy(() => {
            const f = (a: tf.Tensor, b: tf.Tensor, bias: tf.Tensor) =>
              tf.sum(tf.sin(tf.fused.matMul({ a, b, bias, transposeA: tA, transposeB: tB, activation })));
            const inputs = [tf.tensor(d.a, c.aShape), tf.tensor(d.b, c.bShape), tf.tensor(d.bias!, [17])];
            return tf.grads(f)(inputs);
          });
        await initBackend('cpu');
        const expected = grads();
        await initBackend('wasm', wasmOptions());
        const actual = grads();
        expected.forEach((g, i) => {
          const tol = 1e-5 * Math.max(...g.map(Math.abs)) + 1e-6;
          const worst = Math.max(...g.map((v, j) => Math.abs(v - actual[i]![j]!)));
          expect(worst, `${label(c)} grad ${i}`).toBeLessThanOrEqual(tol);
        });
      }
    }
  });

  it('leaks neither tensors nor backend buffers, on the XNNPACK and the composed path', async () => {
    await initBackend('wasm', wasmOptions());
    const tensors = tf.memory().numTensors;
    const buffers = tf.engine().backend.numDataIds();
    for (const c of [...rank2.slice(0, 40), ...rank3.slice(0, 40)]) runCase(c, caseData(c, 1));
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.engine().backend.numDataIds()).toBe(buffers);
  });

  it('replaces a stock kernel that really is wrong: tfjs 4.22 wasm adds the bias by flat index when a is transposed', async () => {
    // If this starts failing, upstream fixed the bug and the patch can be reconsidered.
    await initBackend('wasm', wasmOptions());
    const backend = tf.engine().backend;
    tf.tidy(() => {
      const a = tf.tensor([1, 2, 3, 4, 5, 6], [1, 2, 3]); // aᵀ is [1, 3, 2]
      const b = tf.tensor([1, 0, 0, 1], [1, 2, 2]);
      const bias = tf.tensor([10, 20]);
      const run = (kernel: KernelFunc) => {
        const out = kernel({
          inputs: { a, b, bias },
          backend,
          attrs: { transposeA: true, transposeB: false, activation: 'linear', leakyreluAlpha: 0 },
        }) as TensorInfo;
        const values = Array.from(backend.readSync(out.dataId) as Float32Array);
        backend.disposeData(out.dataId);
        return values;
      };
      const correct = [11, 24, 12, 25, 13, 26];
      expect(run(stockKernel('_FusedMatMul'))).not.toEqual(correct);
      expect(run(tf.getKernel('_FusedMatMul', 'wasm')!.kernelFunc)).toEqual(correct);
    });
  });
});
