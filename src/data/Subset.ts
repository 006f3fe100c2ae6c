import type { Dataset } from './Dataset.js';

/** A view of some examples of a Dataset, by index, so splits and subsets never copy pixels. */
export interface Subset {
  readonly data: Dataset;
  readonly indices: Uint32Array;
}

/** The whole of `data` as a Subset. */
export function wholeDataset(data: Dataset): Subset {
  const indices = new Uint32Array(data.count);
  for (let i = 0; i < indices.length; i++) indices[i] = i;
  return { data, indices };
}
