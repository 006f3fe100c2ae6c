import type { Dataset } from './Dataset.js';
import { INPUT_LUT } from './inputLut.js';

/** Writes the normalised input of `examples` (rows × C·H·W, CHW order) into `out`. */
export function writePixels(data: Dataset, examples: Uint32Array, out: Float32Array): void {
  const features = data.channels * data.height * data.width;
  const images = data.images;
  for (let r = 0; r < examples.length; r++) {
    const src = examples[r]! * features;
    const dst = r * features;
    for (let f = 0; f < features; f++) out[dst + f] = INPUT_LUT[images[src + f]!]!;
  }
}
