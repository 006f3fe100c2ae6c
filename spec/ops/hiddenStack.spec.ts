import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { activate } from '../../src/models/activate';
import { batchNorm, type BatchMoments, type BatchNormState } from '../../src/models/batchNorm';
import { hiddenStack, hiddenStackFusable, type HiddenLayer } from '../../src/ops/hiddenStack';
import { applyDropout } from '../../src/regularizers/dropout';
import { WASM_MODES } from '../accel/wasmModes';
import { hiddenStackPass, type StackCase, type StackImpl } from '../support/hiddenStackPass';

/** Mlp.forward's hidden layers in training as they were before hiddenStack, one after another. */
const perLayer: StackImpl = (h, layers, options) => {
  const moments: BatchMoments[] = [];
  let y = h;
  for (const layer of layers) {
    y = tf.add(tf.matMul(y, layer.weight as tf.Tensor2D), layer.bias);
    if (layer.norm) {
      const r = batchNorm(y, layer.norm as unknown as BatchNormState, true);
      y = r.y;
      moments.push(r.moments!);
    }
    y = activate(y, options.activation);
    y = applyDropout(y, undefined);
  }
  return { y, moments };
};

const CASES: StackCase[] = (['sigmoid', 'tanh', 'relu'] as const).flatMap((activation) =>
  [true, false].flatMap((batchNorm) => [
    { activation, batchNorm, n: 128, widths: [96, 48, 16, 16, 16, 10] },
    { activation, batchNorm, n: 3, widths: [2, 2, 3] },
  ]),
);

// Without the native addon nothing registers the fused kernels: hiddenStack runs its reference.
const BACKENDS = [
  { label: 'cpu', start: () => initBackend('cpu') },
  { label: 'wasm, pure', start: () => initBackend('wasm', WASM_MODES[0]!.options) },
];

describe.each(BACKENDS)('hiddenStack on $label', ({ start }) => {
  it.each(CASES)(
    'is the per-layer composition bit for bit (value, moments, gradients): $activation, batch norm $batchNorm, $n rows, widths $widths',
    async (c) => {
      await start();
      expect(hiddenStackPass(hiddenStack, c)).toStrictEqual(hiddenStackPass(perLayer, c));
    },
  );

  it('is not fusable: no kernel registered here', async () => {
    await start();
    const layer: HiddenLayer = { weight: tf.zeros([4, 4]), bias: tf.zeros([4]) };
    const x = tf.zeros([3, 4]) as tf.Tensor2D;
    expect(hiddenStackFusable(x, [layer, layer])).toBe(false);
    tf.dispose([x, layer.weight, layer.bias]);
  });
});
