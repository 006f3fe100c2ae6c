import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { batchTensors } from '../../src/data/batchTensors';
import type { Dataset } from '../../src/data/Dataset';
import { makeBatch } from '../../src/data/makeBatch';
import type { Subset } from '../../src/data/Subset';
import { createRng } from '../../src/random/Rng';
import { WASM_MODES } from '../accel/wasmModes';

function dataset(count: number): Dataset {
  const images = new Uint8Array(count * 3 * 4 * 5);
  const rng = createRng(3, 'batchTensors');
  for (let i = 0; i < images.length; i++) images[i] = Math.floor(rng.next() * 256);
  const labels = Uint8Array.from({ length: count }, (_, i) => (i * 7) % 4);
  return { images, labels, count, channels: 3, height: 4, width: 5, classes: ['a', 'b', 'c', 'd'], source: 'spec' };
}

describe.each([
  { label: 'cpu', start: () => initBackend('cpu') },
  ...WASM_MODES.map((mode) => ({ label: `wasm, ${mode.label}`, start: () => initBackend('wasm', mode.options) })),
])('batchTensors on $label', ({ start }) => {
  // A subset that skips and reorders examples, so indices and order are both exercised.
  const subset: Subset = { data: dataset(40), indices: Uint32Array.from({ length: 25 }, (_, i) => 39 - i) };
  const order = createRng(4, 'order').permutation(25);

  it('holds exactly the values makeBatch builds, for shuffled and natural order and a short last batch', async () => {
    await start();
    for (const [from, to, ord] of [
      [0, 8, order],
      [8, 25, order],
      [3, 9, undefined],
    ] as const) {
      const want = makeBatch(subset, from, to, ord);
      const got = batchTensors(subset, from, to, ord);
      expect(got.x.shape).toEqual([to - from, 60]);
      expect(got.y.shape).toEqual([to - from, 4]);
      expect(got.x.dataSync()).toEqual(want.x);
      expect(got.y.dataSync()).toEqual(want.oneHot);
      expect(got.labels).toEqual(want.labels);
      tf.dispose([got.x, got.y]);
    }
  });

  it('gives an empty batch for an empty range and leaves no tensor or buffer behind once disposed', async () => {
    await start();
    const before = tf.memory();
    const empty = batchTensors(subset, 5, 5, order);
    expect(empty.x.shape).toEqual([0, 60]);
    const full = batchTensors(subset, 0, 25, order);
    tf.dispose([empty.x, empty.y, full.x, full.y]);
    expect(tf.memory().numTensors).toBe(before.numTensors);
    expect(tf.memory().numDataBuffers).toBe(before.numDataBuffers);
  });
});
