import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { initBackend } from '../../src/backend/initBackend';
import { planMatMul } from '../../src/accel/wasmKernels/planMatMul';
import { disposeOwned } from '../../src/accel/wasmKernels/wasmKernel';
import type { TensorInfo } from '@tensorflow/tfjs';

function seeded(shape: number[], seed: number): tf.Tensor {
  return tf.randomUniform(shape, -1, 1, 'float32', seed);
}

/** Whether planMatMul would compute a·b transposed, without running the product. */
function swaps(a: tf.Tensor, b: tf.Tensor, transposeA = false, transposeB = false): boolean {
  const backend = tf.backend() as BackendWasm;
  const owned: TensorInfo[] = [];
  const plan = planMatMul(backend, a, b, transposeA, transposeB, owned, true);
  disposeOwned(backend, owned);
  return plan.swapped;
}

// gradproof's SIMD GEMM takes these products first (see simdMatMul); switched off here so that
// tf.matMul reaches the planner, as products of shapes that GEMM does not take do.
describe('planMatMul on pure wasm', () => {
  const was = process.env.GRADPROOF_SIMD_GEMM;
  beforeAll(async () => {
    process.env.GRADPROOF_SIMD_GEMM = '0';
    await initBackend('wasm', { native: false });
  });
  afterAll(() => {
    if (was === undefined) delete process.env.GRADPROOF_SIMD_GEMM;
    else process.env.GRADPROOF_SIMD_GEMM = was;
  });

  it("packs the smaller side: transposed for training's x·W and dy·Wᵀ, straight for xᵀ·dy, wide batches and reused weights", () => {
    const x = seeded([128, 3072], 1);
    expect(swaps(x, seeded([3072, 512], 2))).toBe(true);
    // dy·Wᵀ: W is used as it is stored and only dy [128, 256] is packed.
    expect(swaps(seeded([128, 256], 3), seeded([512, 256], 4), false, true)).toBe(true);
    // xᵀ·dy: packing dy [128, 512] is cheap, transposing back a 3072×512 product is not.
    expect(swaps(x, seeded([128, 512], 5), true, false)).toBe(false);
    // Evaluation's batch of 1,000 would pack more than the weights.
    expect(swaps(seeded([1000, 3072], 6), seeded([3072, 512], 7))).toBe(false);
    // Weights multiplied before are packed once and then reused from XNNPACK's cache.
    const w = seeded([3072, 512], 8);
    expect([swaps(x, w), swaps(x, w), swaps(x, w)]).toEqual([true, false, false]);
  });

  it.each([
    [128, 3072, 512],
    [96, 300, 200],
    [20, 36, 44],
  ])('gives the straight product bit for bit (%i×%i·%i×…)', (m, k, n) => {
    const a = seeded([m, k], 10);
    const b = seeded([k, n], 11);
    // Asking marks b as multiplied, so ask about a copy in a buffer of its own.
    expect(swaps(a, tf.add(b, 0))).toBe(true);
    // The first product swaps; b is then known as weights and the second runs straight.
    const first = tf.matMul(a, b).dataSync();
    const second = tf.matMul(a, b).dataSync();
    expect(swaps(a, b)).toBe(false);
    expect(Buffer.from(first.buffer).equals(Buffer.from(second.buffer))).toBe(true);
  });

  it('leaks no buffer on either path', () => {
    const a = seeded([96, 300], 12);
    const before = tf.memory().numTensors;
    const bytes = (tf.backend() as BackendWasm).numDataIds();
    for (const b of [seeded([300, 200], 13), seeded([300, 200], 14)]) {
      tf.dispose([tf.matMul(a, b), tf.matMul(a, b), b]);
    }
    expect(tf.memory().numTensors).toBe(before);
    expect((tf.backend() as BackendWasm).numDataIds()).toBe(bytes);
  });
});
