import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { registerNativeHiddenStackKernels } from '../../src/accel/kernels/hiddenStackKernels';
import { Mlp } from '../../src/models/Mlp';
import type { MlpConfig } from '../../src/models/MlpConfig';
import {
  HIDDEN_STACK_GRAD_KERNEL,
  HIDDEN_STACK_KERNEL,
  hiddenStack,
  hiddenStackFusable,
  hiddenStackReference,
  type HiddenLayer,
} from '../../src/ops/hiddenStack';
import { createRng } from '../../src/random/Rng';
import { Adam } from '../../src/train/Adam';
import { TORCH_ADAM } from '../../src/train/AdamConfig';
import { trainStep, type StepStats } from '../../src/train/trainStep';
import { hiddenStackPass, type StackCase } from '../support/hiddenStackPass';
import { NATIVE_AVAILABLE } from './wasmModes';

// The kernels make the reference's own sgemm calls, batch-norm steps and float operations, and
// their activations are the native kernels' (sigmoid.c gives XNNPACK's sigmoid bits, tanh.c the
// native Tanh kernel's), so they give the reference's bits for every activation.
const CASES: StackCase[] = (['sigmoid', 'tanh', 'relu'] as const).flatMap((activation) =>
  [true, false].flatMap((batchNorm) => [
    { activation, batchNorm, n: 128, widths: [300, 64, 32, 16, 16, 16] },
    { activation, batchNorm, n: 7, widths: [5, 5, 3, 6] },
    { activation, batchNorm, n: 4, widths: [9, 2] },
  ]),
);

describe.runIf(NATIVE_AVAILABLE)('hidden-stack kernels on wasm with the native addon', () => {
  afterAll(() => registerNativeHiddenStackKernels(true));

  it.each(CASES)('match the per-layer reference bit for bit: $activation, batch norm $batchNorm, $n rows, widths $widths', async (c) => {
    await initBackend('wasm', { native: true });
    const layer = { weight: tf.zeros([c.widths[0]!, c.widths[1]!]), bias: tf.zeros([c.widths[1]!]) };
    const x = tf.zeros([c.n, c.widths[0]!]) as tf.Tensor2D;
    expect(hiddenStackFusable(x, [layer])).toBe(true);
    tf.dispose([x, layer.weight, layer.bias]);
    const got = hiddenStackPass(hiddenStack, c);
    const want = hiddenStackPass(hiddenStackReference, c);
    expect(got.moments).toHaveLength(c.batchNorm ? 2 * (c.widths.length - 1) : 0);
    expect(got).toStrictEqual(want);
    // As in training: the input is data, and its gradient (a product as large as the first layer's) is never formed.
    expect(hiddenStackPass(hiddenStack, c, false)).toStrictEqual({ ...want, grads: want.grads.slice(1) });
  });

  it('is fusable only for float32 layers that chain, batch norm on all or none', async () => {
    await initBackend('wasm', { native: true });
    tf.tidy(() => {
      const layer = (fanIn: number, fanOut: number, norm = false): HiddenLayer => ({
        weight: tf.zeros([fanIn, fanOut]),
        bias: tf.zeros([fanOut]),
        ...(norm ? { norm: { gamma: tf.ones([fanOut]), beta: tf.zeros([fanOut]) } } : {}),
      });
      const x = (w: number): tf.Tensor2D => tf.zeros([5, w]);
      expect(hiddenStackFusable(x(3072), [layer(3072, 512), layer(512, 16), layer(16, 16)])).toBe(true);
      expect(hiddenStackFusable(x(4), [layer(4, 2, true), layer(2, 3, true)])).toBe(true);
      expect(hiddenStackFusable(x(4), [])).toBe(false);
      expect(hiddenStackFusable(x(5), [layer(4, 4)])).toBe(false);
      expect(hiddenStackFusable(x(4), [layer(4, 3), layer(4, 3)])).toBe(false);
      expect(hiddenStackFusable(x(4), [layer(4, 3), { weight: tf.zeros([3, 2]), bias: tf.zeros([3]) }])).toBe(false);
      expect(hiddenStackFusable(x(4), [layer(4, 4, true), layer(4, 4)])).toBe(false);
      expect(
        hiddenStackFusable(x(4), [{ weight: tf.zeros([4, 4]), bias: tf.zeros([4]), norm: { gamma: tf.ones([3]), beta: tf.zeros([4]) } }]),
      ).toBe(false);
      expect(hiddenStackFusable(tf.zeros([5, 4], 'int32'), [layer(4, 4)])).toBe(false);
    });
  });

  it('gives the same bits on every call (fixed order, no threads)', async () => {
    await initBackend('wasm', { native: true });
    const c: StackCase = { activation: 'tanh', batchNorm: true, n: 64, widths: [40, 16, 16, 8] };
    expect(hiddenStackPass(hiddenStack, c)).toStrictEqual(hiddenStackPass(hiddenStack, c));
  });

  it('leaves no tensors behind once the moments are disposed', async () => {
    await initBackend('wasm', { native: true });
    const before = tf.memory().numTensors;
    hiddenStackPass(hiddenStack, { activation: 'relu', batchNorm: true, n: 9, widths: [6, 4, 4] });
    hiddenStackPass(hiddenStack, { activation: 'relu', batchNorm: false, n: 9, widths: [6, 4, 4] }, false);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses an input of the wrong shape, naming the kernel and the shape', async () => {
    await initBackend('wasm', { native: true });
    const [z, b, wide, dy, acts, ints] = [
      tf.zeros([3, 4]),
      tf.zeros([4]),
      tf.zeros([4, 5]),
      tf.zeros([3, 4]),
      tf.zeros([24]),
      tf.zeros([3, 4], 'int32'),
    ];
    const attrs = { widths: [4, 4], activation: 'relu', batchNorm: false, eps: 1e-5 } as unknown as tf.NamedAttrMap;
    expect(() => tf.engine().runKernel(HIDDEN_STACK_KERNEL, { z, bias0: b, weight1: wide, bias1: b }, attrs)).toThrow(
      'GradproofHiddenStack: input weight1 must have shape [4,4], got [4,5]',
    );
    expect(() => tf.engine().runKernel(HIDDEN_STACK_GRAD_KERNEL, { dy, acts: b, weight1: wide }, attrs)).toThrow(
      'GradproofHiddenStackGrad: input acts must have shape [24], got [4]',
    );
    expect(() => tf.engine().runKernel(HIDDEN_STACK_KERNEL, { z: ints, bias0: b, weight1: wide, bias1: b }, attrs)).toThrow(
      'GradproofHiddenStack: input z must be float32, got int32',
    );
    tf.dispose([z, b, wide, dy, acts, ints]);
  });
});

/** The report's CIFAR nets (experiments/report.gradproof.json): vg/bn (deep) or plain. */
function cifarNet(activation: MlpConfig['activation'], batchNorm: boolean, deep: boolean): MlpConfig {
  const hidden = [512, 256, 128, 64, 32, 16, ...Array<number>(deep ? 10 : 0).fill(16)];
  return { inputSize: 3072, hidden, outputSize: 10, activation, batchNorm, init: 'xavier', dropout: 0 };
}

/** One refused training step (nothing updated) on a seeded batch of 128. */
function stepStats(config: MlpConfig): StepStats {
  const model = Mlp.create(config, createRng(0, 'stack/model'));
  const pixels = new Float32Array(128 * 3072);
  createRng(0, 'stack/x').fillUniform(pixels, -1, 1);
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

describe.runIf(NATIVE_AVAILABLE)('a CIFAR training step with the hidden-stack kernels', () => {
  afterAll(() => registerNativeHiddenStackKernels(true));

  it.each([
    ['sigmoid', true, true],
    ['tanh', true, true],
    ['relu', false, true],
    ['sigmoid', false, true],
    ['tanh', false, false],
  ] as const)('gives the reference step statistics bit for bit: %s, batch norm %s, deep %s', async (activation, batchNorm, deep) => {
    await initBackend('wasm', { native: true });
    const config = cifarNet(activation, batchNorm, deep);
    expect(tf.getKernel(HIDDEN_STACK_KERNEL, 'wasm')).toBeDefined();
    const fused = stepStats(config);
    registerNativeHiddenStackKernels(false);
    const reference = stepStats(config);
    registerNativeHiddenStackKernels(true);
    expect(fused).toStrictEqual(reference);
  });
});
