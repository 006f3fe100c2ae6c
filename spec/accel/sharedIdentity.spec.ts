import { beforeAll, describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { initBackend } from '../../src/backend/initBackend';
import { Adam } from '../../src/train/Adam';
import { WASM_MODES, selectWasmMode, wasmOptions } from './wasmModes';

const CONFIG = { kind: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;

describe.each(WASM_MODES)('wasm Identity shares buffers ($label)', (mode) => {
  beforeAll(() => selectWasmMode(mode));

  it('clones without copying, and the clone outlives its source with the same values', async () => {
    await initBackend('wasm', wasmOptions());
    const wasm = tf.backend() as BackendWasm;
    const buffers = wasm.numDataIds();
    const x = tf.tensor([1, 2, 3, 4], [2, 2]);
    const y = tf.clone(x);
    expect(wasm.numDataIds()).toBe(buffers + 1);
    expect(wasm.refCount(x.dataId)).toBe(2);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3, 4]);
    y.dispose();
    expect(wasm.numDataIds()).toBe(buffers);
  });

  it('keeps a snapshot taken by tf.clone intact while Adam updates the parameter (no in-place write into a shared buffer)', async () => {
    await initBackend('wasm', wasmOptions());
    const run = (snapshot: boolean) => {
      const p = tf.variable(tf.tensor([0.5, -0.25, 2]));
      const copy = snapshot ? tf.clone(p) : undefined;
      const adam = new Adam([p], CONFIG);
      const g = tf.tensor([1, -2, 0]);
      adam.apply([g]);
      const out = { p: Array.from(p.dataSync()), copy: copy ? Array.from(copy.dataSync()) : undefined };
      tf.dispose([p, g, ...(copy ? [copy] : [])]);
      adam.dispose();
      return out;
    };
    const alone = run(false);
    const shared = run(true);
    expect(shared.copy).toEqual([0.5, -0.25, 2]);
    expect(shared.p).toEqual(alone.p);
    expect(alone.p[0]).toBeCloseTo(0.4, 6);
  });

  it('still differentiates through tf.clone', async () => {
    await initBackend('wasm', wasmOptions());
    const g = tf.tidy(() =>
      tf
        .grad((x: tf.Tensor) => tf.sum(tf.mul(tf.clone(x), tf.clone(x))))(tf.tensor([1, -3]))
        .dataSync(),
    );
    expect(Array.from(g)).toEqual([2, -6]);
  });
});
