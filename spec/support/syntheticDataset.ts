import type { Dataset } from '../../src/data/Dataset';
import { createRng } from '../../src/random/Rng';

/**
 * A learnable toy data set: 1×4×4 images whose class is which half of the image is bright.
 * Drawn from a seeded stream so specs are repeatable.
 */
export function syntheticDataset(count: number, seed = 1): Dataset {
  const rng = createRng(seed, 'synthetic');
  const images = new Uint8Array(count * 16);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % 2;
    labels[i] = label;
    for (let f = 0; f < 16; f++) {
      const bright = label === 1 ? f < 8 : f >= 8;
      images[i * 16 + f] = Math.floor(rng.next() * 128) + (bright ? 127 : 0);
    }
  }
  return { images, labels, count, channels: 1, height: 4, width: 4, classes: ['low', 'high'], source: 'synthetic' };
}
