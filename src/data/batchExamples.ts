import type { Subset } from './Subset.js';

/**
 * The data-set example numbers of a batch: `subset.indices[order[p]]` for positions p in
 * [from, to) (`order` undefined means positions in their natural order).
 */
export function batchExamples(subset: Subset, from: number, to: number, order?: Uint32Array): Uint32Array {
  const examples = new Uint32Array(to - from);
  for (let r = 0; r < examples.length; r++) examples[r] = subset.indices[order ? order[from + r]! : from + r]!;
  return examples;
}
