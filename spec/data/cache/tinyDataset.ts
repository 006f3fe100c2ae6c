// A small deterministic Dataset for cache specs.
import type { Dataset } from '../../../src/data/Dataset';

/** `count` images of 3×2×4 with bytes (i·31 + fill) & 255, labels i % 3. */
export function tinyDataset(count = 5, fill = 1): Dataset {
  const images = new Uint8Array(count * 3 * 2 * 4).map((_, i) => (i * 31 + fill) & 255);
  const labels = new Uint8Array(count).map((_, i) => i % 3);
  return { images, labels, count, channels: 3, height: 2, width: 4, classes: ['a', 'b', 'c'], source: 'spec:tiny' };
}
