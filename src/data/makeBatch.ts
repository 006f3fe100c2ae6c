import type { Subset } from './Subset';

/**
 * Pixel byte → network input, in float32 as torchvision computes it:
 * ToTensor (v/255) then Normalize(mean 0.5, std 0.5): (v/255 − 0.5)/0.5, each step rounded to float32.
 */
const PIXEL = (() => {
  const lut = new Float32Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.fround(Math.fround(Math.fround(v / 255) - 0.5) / 0.5);
  return lut;
})();

/** A batch ready for tensors: x is rows×features (CHW flattened), oneHot rows×classes. */
export interface Batch {
  readonly x: Float32Array;
  readonly oneHot: Float32Array;
  readonly labels: Int32Array;
  readonly rows: number;
  readonly features: number;
  readonly classes: number;
}

/**
 * Gathers examples `order[from..to)` (positions into `subset.indices`) into a normalised batch.
 * `order` undefined means positions in their natural order.
 */
export function makeBatch(subset: Subset, from: number, to: number, order?: Uint32Array): Batch {
  const { data } = subset;
  const features = data.channels * data.height * data.width;
  const classes = data.classes.length;
  const rows = to - from;
  const x = new Float32Array(rows * features);
  const oneHot = new Float32Array(rows * classes);
  const labels = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const pos = order ? order[from + r]! : from + r;
    const example = subset.indices[pos]!;
    const src = example * features;
    const dst = r * features;
    for (let f = 0; f < features; f++) x[dst + f] = PIXEL[data.images[src + f]!]!;
    const label = data.labels[example]!;
    labels[r] = label;
    oneHot[r * classes + label] = 1;
  }
  return { x, oneHot, labels, rows, features, classes };
}
