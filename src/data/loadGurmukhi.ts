import type { Dataset } from './Dataset.js';
import { loadImageFolder } from './loadImageFolder.js';
import { locateDataset } from './resolveDataDir.js';

/** Class folders of the Gurmukhi digit set, in label order. */
export const GURMUKHI_CLASSES: readonly string[] = Object.freeze(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/**
 * Loads the Gurmukhi digits from `<dataDir>/gurmukhi`: `train` (1,000 images) and `val`
 * (178; the report calls it "test"), grayscale N×1×32×32 uint8, label = digit. Not cached:
 * 1,178 small files decode in well under a second.
 */
export async function loadGurmukhi(
  dataDir: string,
  options: { readonly onProgress?: (done: number, total: number, split: 'train' | 'val') => void } = {},
): Promise<{ train: Dataset; val: Dataset }> {
  const { path: root } = locateDataset(dataDir, 'gurmukhi');
  const onProgress = options.onProgress;
  const load = (split: 'train' | 'val'): Promise<Dataset> =>
    loadImageFolder(root, split, {
      channels: 1,
      height: 32,
      width: 32,
      classes: GURMUKHI_CLASSES,
      ...(onProgress && { onProgress: (done: number, total: number) => onProgress(done, total, split) }),
    });
  const train = await load('train');
  const val = await load('val');
  return { train, val };
}
