import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { registerRunningMomentsKernel } from '../../src/accel/kernels/runningMomentsKernel';
import { RUNNING_MOMENTS_KERNEL } from '../../src/ops/runningMoments';
import { BN_MOMENTUM, updateRunningMoments, type BatchNormState } from '../../src/models/batchNorm';
import { createRng } from '../../src/random/Rng';
import { NATIVE_AVAILABLE } from './wasmModes';

function seeded(n: number, stream: string, lo: number, hi: number): Float32Array {
  const out = new Float32Array(n);
  createRng(29, stream).fillUniform(out, lo, hi);
  return out;
}

/**
 * updateRunningMoments' own op-by-op path (what tfjs-node takes): run with the kernel taken out
 * for the call, then put back.
 */
function stockUpdate(
  rm: tf.Tensor1D,
  rv: tf.Tensor1D,
  mean: tf.Tensor1D,
  variance: tf.Tensor1D,
  momentum: number,
  n: number,
): Float32Array[] {
  const state = { runningMean: tf.variable(rm, false), runningVar: tf.variable(rv, false) } as unknown as BatchNormState;
  tf.unregisterKernel(RUNNING_MOMENTS_KERNEL, tf.getBackend());
  try {
    updateRunningMoments(state, { mean, variance, count: n }, momentum);
  } finally {
    registerRunningMomentsKernel();
  }
  const out = [state.runningMean.dataSync() as Float32Array, state.runningVar.dataSync() as Float32Array];
  tf.dispose([state.runningMean, state.runningVar]);
  return out;
}

const cases = fc.record({
  c: fc.integer({ min: 1, max: 600 }),
  n: fc.integer({ min: 1, max: 300 }),
  momentum: fc.oneof(fc.constant(BN_MOMENTUM), fc.double({ min: 0, max: 1, noNaN: true })),
  seed: fc.nat(1000),
});

describe.each([
  { label: 'cpu', run: true, start: () => initBackend('cpu') },
  { label: 'pure wasm', run: true, start: () => initBackend('wasm', { native: false }) },
  { label: 'wasm with the native addon', run: NATIVE_AVAILABLE, start: () => initBackend('wasm', { native: true }) },
])('the running-moments kernel on $label', ({ run, start }) => {
  it.runIf(run)("gives the stock op-by-op update's bits, whatever the width, batch size and momentum", async () => {
    await start();
    expect(tf.getKernel(RUNNING_MOMENTS_KERNEL, tf.getBackend())).toBeDefined();
    fc.assert(
      fc.property(cases, ({ c, n, momentum, seed }) => {
        tf.tidy(() => {
          const [rm, rv, mean, variance] = [
            tf.tensor1d(seeded(c, `rm${seed}`, -3, 3)),
            tf.tensor1d(seeded(c, `rv${seed}`, 0, 5)),
            tf.tensor1d(seeded(c, `m${seed}`, -3, 3)),
            tf.tensor1d(seeded(c, `v${seed}`, 0, 5)),
          ] as [tf.Tensor1D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D];
          const want = stockUpdate(rm, rv, mean, variance, momentum, n);
          const state = { runningMean: tf.variable(rm, false), runningVar: tf.variable(rv, false) } as unknown as BatchNormState;
          updateRunningMoments(state, { mean, variance, count: n }, momentum);
          expect(state.runningMean.dataSync(), `mean, c=${c} n=${n} momentum=${momentum} seed=${seed}`).toEqual(want[0]);
          expect(state.runningVar.dataSync(), `variance, c=${c} n=${n} momentum=${momentum} seed=${seed}`).toEqual(want[1]);
          tf.dispose([state.runningMean, state.runningVar]);
        });
      }),
      { numRuns: 60 },
    );
  });

  it.runIf(run)('leaves no tensor behind, and refuses a non-float32 input by name', async () => {
    await start();
    const state = {
      runningMean: tf.variable(tf.zeros([3]), false),
      runningVar: tf.variable(tf.ones([3]), false),
    } as unknown as BatchNormState;
    const moments = { mean: tf.tensor1d([1, 2, 3]), variance: tf.tensor1d([1, 1, 1]), count: 8 };
    const before = tf.memory().numTensors;
    updateRunningMoments(state, moments);
    expect(tf.memory().numTensors).toBe(before);
    const ints = tf.tensor1d([1, 2, 3], 'int32');
    const inputs = { runningMean: state.runningMean, runningVar: state.runningVar, mean: ints, variance: moments.variance };
    expect(() => tf.engine().runKernel(RUNNING_MOMENTS_KERNEL, inputs, { momentum: 0.1, count: 8 })).toThrow(
      'GradproofRunningMoments: input mean must be float32, got int32',
    );
    tf.dispose([state.runningMean, state.runningVar, moments.mean, moments.variance, ints]);
  });
});
