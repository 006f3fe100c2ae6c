import type { DatasetName } from '../resolveDataDir.js';
import { fetchCifar10 } from './fetchCifar10.js';
import { fetchGurmukhi } from './fetchGurmukhi.js';

/** Options of `fetchDataset`: the ones every fetch takes. */
export interface FetchDatasetOptions {
  /** The data folder that receives the data set's folder. */
  readonly destDir: string;
  readonly onProgress?: (done: number, total: number | undefined) => void;
  readonly fetchImpl?: typeof fetch;
}

/**
 * Downloads built-in data set `name` from its pinned public source into `destDir`, verified and
 * unpacked (fetchGurmukhi, fetchCifar10). Returns the data set's folder, and whether anything
 * was downloaded (not when it was already complete).
 */
export async function fetchDataset(name: DatasetName, options: FetchDatasetOptions): Promise<{ path: string; downloaded: boolean }> {
  switch (name) {
    case 'gurmukhi':
      return fetchGurmukhi(options);
    case 'cifar10':
      return fetchCifar10(options);
    default: {
      const never: never = name;
      return never;
    }
  }
}
