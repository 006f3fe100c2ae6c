import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { createRng } from '../../src/random/Rng';
import { WASM_MODES, selectWasmMode, wasmOptions } from './wasmModes';

/** Distance in float32 ulps between a float32 result and the exact (float64) value. */
function ulps(got: number, exact: number): number {
  if (got === exact) return 0;
  const spacing = Math.abs(Math.fround(exact) - Math.fround(Math.fround(exact) * (1 + 2 ** -23))) || 2 ** -149;
  return Math.abs(got - exact) / spacing;
}

describe.each(WASM_MODES)('wasm Tanh ($label)', (mode) => {
  beforeAll(() => selectWasmMode(mode));

  it('is within 2 ulp of the exact tanh (1 ulp natively) from tiny to saturated inputs, keeps signed zero, NaN and infinities', async () => {
    const info = await initBackend('wasm', wasmOptions());
    const tolerance = info.native ? 1 : 2;
    const x = new Float32Array(5000);
    createRng(11, 'tanh').fillUniform(x, -12, 12);
    x.set([0, -0, 1e-30, -1e-20, 1e-8, 1e-5, 0.5, -0.5, 9, 9.5, 10, 20, -20, 3.4e38, Infinity, -Infinity, NaN, 1e-45]);
    const y = tf.tidy(() => tf.tanh(tf.tensor(x)).dataSync());
    x.forEach((v, i) => {
      if (Number.isNaN(v)) return expect(y[i]).toBeNaN();
      expect(ulps(y[i]!, Math.tanh(v)), `tanh(${v}) = ${y[i]}`).toBeLessThanOrEqual(tolerance);
    });
    expect(Object.is(y[1], -0)).toBe(true);
  });

  it('runs in place of the stock kernel only where the addon is active, and differentiates as before', async () => {
    const info = await initBackend('wasm', wasmOptions());
    expect(info.kernelPatches.includes('wasm:Tanh+native')).toBe(info.native !== undefined);
    const g = tf.tidy(() =>
      tf
        .grad((v: tf.Tensor) => tf.sum(tf.tanh(v)))(tf.tensor([0, 1, -2]))
        .dataSync(),
    );
    [0, 1, -2].forEach((v, i) => expect(g[i]).toBeCloseTo(1 - Math.tanh(v) ** 2, 6));
  });
});
