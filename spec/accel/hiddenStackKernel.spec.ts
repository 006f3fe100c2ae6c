import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { registerNativeNarrowStackKernels } from '../../src/accel/kernels/narrowStackKernels';
import { Mlp } from '../../src/models/Mlp';
import type { MlpConfig } from '../../src/models/MlpConfig';
import {
  NARROW_STACK_KERNEL,
  NARROW_STACK_MAX_WIDTH,
  narrowStack,
  narrowStackFusable,
  narrowStackReference,
  type NarrowLayer,
} from '../../src/ops/narrowStack';
import { createRng } from '../../src/random/Rng';
import { Adam } from '../../src/train/Adam';
import { TORCH_ADAM } from '../../src/train/AdamConfig';
import { trainStep, type StepStats } from '../../src/train/trainStep';
import { narrowStackPass, type NarrowCase } from '../support/narrowStackPass';
import { NATIVE_AVAILABLE } from './wasmModes';

// The kernel makes the reference's own sgemm calls, batch-norm steps and float operations, and its
// activations are the native kernels' (sigmoid.c gives XNNPACK's sigmoid bits, tanh.c the native
// Tanh kernel's), so it gives the reference's bits for every activation.
const CASES: NarrowCase[] = (['sigmoid', 'tanh', 'relu'] as const).flatMap((activation) =>
  [true, false].flatMap((batchNorm) => [
    { activation, batchNorm, n: 128, width: 16, layers: 10 },
    { activation, batchNorm, n: 7, width: 5, layers: 3 },
  ]),
);

describe.runIf(NATIVE_AVAILABLE)('narrow-stack kernels on wasm with the native addon', () => {
  afterAll(() => registerNativeNarrowStackKernels(true));

  it.each(CASES)('match the per-layer reference bit for bit: $activation, batch norm $batchNorm, $n×$width, $layers layers', async (c) => {
    await initBackend('wasm', { native: true });
    const layer = { weight: tf.zeros([c.width, c.width]), bias: tf.zeros([c.width]) };
    const x = tf.zeros([c.n, c.width]) as tf.Tensor2D;
    expect(narrowStackFusable(x, [layer, layer])).toBe(true);
    tf.dispose([x, layer.weight, layer.bias]);
    const got = narrowStackPass(narrowStack, c);
    const want = narrowStackPass(narrowStackReference, c);
    expect(got.moments).toHaveLength(c.batchNorm ? 2 * c.layers : 0);
    expect(got).toStrictEqual(want);
  });

  it('is fusable only for two or more square float32 layers no wider than the cap, batch norm on all or none', async () => {
    await initBackend('wasm', { native: true });
    tf.tidy(() => {
      const layer = (w: number, norm = false): NarrowLayer => ({
        weight: tf.zeros([w, w]),
        bias: tf.zeros([w]),
        ...(norm ? { norm: { gamma: tf.ones([w]), beta: tf.zeros([w]) } } : {}),
      });
      const x = (w: number): tf.Tensor2D => tf.zeros([5, w]);
      const cap = NARROW_STACK_MAX_WIDTH;
      expect(narrowStackFusable(x(cap), [layer(cap), layer(cap)])).toBe(true);
      expect(narrowStackFusable(x(cap + 1), [layer(cap + 1), layer(cap + 1)])).toBe(false);
      expect(narrowStackFusable(x(4), [layer(4)])).toBe(false);
      expect(narrowStackFusable(x(4), [layer(4, true), layer(4)])).toBe(false);
      expect(narrowStackFusable(x(4), [layer(4), { weight: tf.zeros([4, 3]), bias: tf.zeros([3]) }])).toBe(false);
      expect(narrowStackFusable(tf.zeros([5, 4], 'int32'), [layer(4), layer(4)])).toBe(false);
    });
  });

  it('gives the same bits on every call (fixed order, no threads)', async () => {
    await initBackend('wasm', { native: true });
    const c: NarrowCase = { activation: 'tanh', batchNorm: true, n: 64, width: 16, layers: 4 };
    expect(narrowStackPass(narrowStack, c)).toStrictEqual(narrowStackPass(narrowStack, c));
  });

  it('leaves no tensors behind once the moments are disposed', async () => {
    await initBackend('wasm', { native: true });
    const before = tf.memory().numTensors;
    narrowStackPass(narrowStack, { activation: 'relu', batchNorm: true, n: 9, width: 4, layers: 2 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses an input of the wrong shape, naming the kernel and the shape', async () => {
    await initBackend('wasm', { native: true });
    const [x, w, b, wide] = [tf.zeros([3, 4]), tf.zeros([4, 4]), tf.zeros([4]), tf.zeros([4, 5])];
    const attrs = { layers: 2, activation: 'relu', batchNorm: false, eps: 1e-5 } as unknown as tf.NamedAttrMap;
    expect(() => tf.engine().runKernel(NARROW_STACK_KERNEL, { x, weight0: w, bias0: b, weight1: wide, bias1: b }, attrs)).toThrow(
      'GradproofNarrowStack: input weight1 must have shape [4,4], got [4,5]',
    );
    tf.dispose([x, w, b, wide]);
  });
});

/** The report's CIFAR vg/bn nets (experiments/report.gradproof.json). */
function cifarNet(activation: MlpConfig['activation'], batchNorm: boolean): MlpConfig {
  const hidden = [512, 256, 128, 64, 32, 16, ...Array<number>(10).fill(16)];
  return { inputSize: 3072, hidden, outputSize: 10, activation, batchNorm, init: 'xavier', dropout: 0 };
}

/** One refused training step (nothing updated) on a seeded batch of 128. */
function stepStats(config: MlpConfig): StepStats {
  const model = Mlp.create(config, createRng(0, 'narrow/model'));
  const pixels = new Float32Array(128 * 3072);
  createRng(0, 'narrow/x').fillUniform(pixels, -1, 1);
  const labels = Int32Array.from({ length: 128 }, (_, i) => (i * 7) % 10);
  const x = tf.tensor2d(pixels, [128, 3072]);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat() as tf.Tensor2D;
  const adam = new Adam(model.trainableVariables(), TORCH_ADAM);
  const stats = trainStep(model, adam, [], { x, y, labels, rows: 128 }, [], () => false);
  adam.dispose();
  model.dispose();
  tf.dispose([x, y]);
  return stats;
}

describe.runIf(NATIVE_AVAILABLE)('a CIFAR training step with the narrow-stack kernels', () => {
  afterAll(() => registerNativeNarrowStackKernels(true));

  it.each([
    ['sigmoid', true],
    ['tanh', true],
    ['relu', false],
    ['sigmoid', false],
  ] as const)('gives the reference step statistics bit for bit: %s, batch norm %s', async (activation, batchNorm) => {
    await initBackend('wasm', { native: true });
    const config = cifarNet(activation, batchNorm);
    expect(tf.getKernel(NARROW_STACK_KERNEL, 'wasm')).toBeDefined();
    const fused = stepStats(config);
    registerNativeNarrowStackKernels(false);
    const reference = stepStats(config);
    registerNativeNarrowStackKernels(true);
    expect(fused).toStrictEqual(reference);
  });
});
