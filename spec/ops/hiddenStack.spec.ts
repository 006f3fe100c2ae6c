import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { activate } from '../../src/models/activate';
import { batchNorm, type BatchMoments, type BatchNormState } from '../../src/models/batchNorm';
import { narrowStack, narrowStackFusable, type NarrowLayer } from '../../src/ops/narrowStack';
import { applyDropout } from '../../src/regularizers/dropout';
import { WASM_MODES } from '../accel/wasmModes';
import { narrowStackPass, type NarrowCase, type NarrowImpl } from '../support/narrowStackPass';

/** Mlp.forward's hidden layers in training as they were before narrowStack, one after another. */
const perLayer: NarrowImpl = (h, layers, options) => {
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

const CASES: NarrowCase[] = (['sigmoid', 'tanh', 'relu'] as const).flatMap((activation) =>
  [true, false].flatMap((batchNorm) => [
    { activation, batchNorm, n: 128, width: 16, layers: 10 },
    { activation, batchNorm, n: 3, width: 2, layers: 2 },
  ]),
);

// Without the native addon nothing registers the fused kernels: narrowStack runs its reference.
const BACKENDS = [
  { label: 'cpu', start: () => initBackend('cpu') },
  { label: 'wasm, pure', start: () => initBackend('wasm', WASM_MODES[0]!.options) },
];

describe.each(BACKENDS)('narrowStack on $label', ({ start }) => {
  it.each(CASES)(
    'is the per-layer composition bit for bit (value, moments, gradients): $activation, batch norm $batchNorm, $n×$width×$layers',
    async (c) => {
      await start();
      expect(narrowStackPass(narrowStack, c)).toStrictEqual(narrowStackPass(perLayer, c));
    },
  );

  it('is not fusable: no kernel registered here', async () => {
    await start();
    const layer: NarrowLayer = { weight: tf.zeros([4, 4]), bias: tf.zeros([4]) };
    const x = tf.zeros([3, 4]) as tf.Tensor2D;
    expect(narrowStackFusable(x, [layer, layer])).toBe(false);
    tf.dispose([x, layer.weight, layer.bias]);
  });
});
