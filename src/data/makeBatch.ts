import { batchExamples } from './batchExamples.js';
import { labelsOf } from './labelsOf.js';
import type { Subset } from './Subset.js';
import { writePixels } from './writePixels.js';

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
 * Gathers examples `order[from..to)` (positions into `subset.indices`) into a normalised batch
 * (see INPUT_LUT). `order` undefined means positions in their natural order. Training and
 * evaluation use batchTensors, which writes the same values straight into the backend.
 */
export function makeBatch(subset: Subset, from: number, to: number, order?: Uint32Array): Batch {
  const { data } = subset;
  const features = data.channels * data.height * data.width;
  const classes = data.classes.length;
  const examples = batchExamples(subset, from, to, order);
  const rows = examples.length;
  const x = new Float32Array(rows * features);
  writePixels(data, examples, x);
  const { labels, oneHot } = labelsOf(subset, examples);
  return { x, oneHot, labels, rows, features, classes };
}
