import type { Dataset } from './Dataset.js';
import { INPUT_LUT } from './inputLut.js';

/** Writes the normalised input of `examples` (rows × C·H·W, CHW order) into `out`. */
export function writePixels(data: Dataset, examples: Uint32Array, out: Float32Array): void {
  const features = data.channels * data.height * data.width;
  const images = data.images;
  const lut = data.inputLut ?? INPUT_LUT;
  if (lut.length !== 256) return writePixelsPerChannel(data, lut, examples, out);
  for (let r = 0; r < examples.length; r++) {
    const src = examples[r]! * features;
    const dst = r * features;
    for (let f = 0; f < features; f++) out[dst + f] = lut[images[src + f]!]!;
  }
}

function writePixelsPerChannel(data: Dataset, lut: Float32Array, examples: Uint32Array, out: Float32Array): void {
  const plane = data.height * data.width;
  const features = data.channels * plane;
  for (let r = 0; r < examples.length; r++) {
    const src = examples[r]! * features;
    const dst = r * features;
    for (let c = 0; c < data.channels; c++) {
      const base = c * 256;
      for (let p = c * plane; p < (c + 1) * plane; p++) out[dst + p] = lut[base + data.images[src + p]!]!;
    }
  }
}
