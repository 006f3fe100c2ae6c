import type { Dataset } from './Dataset.js';
import type { NormalizeSpec } from './NormalizeSpec.js';
import { normalizationLut } from './normalizationLut.js';

/** `data`'s train and test sets with the input table of `normalize` (the default when absent); pixels are shared, not copied. */
export function withNormalization<T extends { readonly train: Dataset; readonly test: Dataset }>(data: T, normalize: NormalizeSpec | undefined): T {
  if (normalize === undefined) return data;
  return {
    ...data,
    train: { ...data.train, inputLut: normalizationLut(normalize, data.train.channels) },
    test: { ...data.test, inputLut: normalizationLut(normalize, data.test.channels) },
  };
}
