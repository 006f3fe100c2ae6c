import { loadCifar10 } from '../data/loadCifar10.js';
import { loadGurmukhi } from '../data/loadGurmukhi.js';
import type { Dataset } from '../data/Dataset.js';

/** The raw data an experiment needs: training images and the held-out set the report calls "test". */
export interface ExperimentData {
  readonly train: Dataset;
  /** CIFAR-10's official test set; Gurmukhi's `val/` folder (which the report calls "test"). */
  readonly test: Dataset;
  readonly source: string;
}

/** Options for loading; `onProgress` reports decoding of image folders. */
export interface LoadDataOptions {
  readonly cacheDir?: string;
  readonly noCache?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

const memo = new Map<string, Promise<ExperimentData>>();

/** Loads (once per process and folder) the data set `dataset` from `dataDir`. */
export function loadExperimentData(
  dataset: 'cifar10' | 'gurmukhi',
  dataDir: string,
  options: LoadDataOptions = {},
): Promise<ExperimentData> {
  const key = `${dataset}\0${dataDir}`;
  let pending = memo.get(key);
  if (!pending) {
    pending = load(dataset, dataDir, options);
    memo.set(key, pending);
    // A failed load must not poison later attempts (the user may fix the folder).
    pending.catch(() => memo.delete(key));
  }
  return pending;
}

async function load(dataset: 'cifar10' | 'gurmukhi', dataDir: string, options: LoadDataOptions): Promise<ExperimentData> {
  switch (dataset) {
    case 'cifar10': {
      const d = await loadCifar10(dataDir, options);
      return { train: d.train, test: d.test, source: d.source };
    }
    case 'gurmukhi': {
      const d = await loadGurmukhi(dataDir, options.onProgress ? { onProgress: options.onProgress } : {});
      return { train: d.train, test: d.val, source: d.train.source.replace(/\/train\/?$/, '') };
    }
    default: {
      const never: never = dataset;
      throw new Error(`loadExperimentData: unknown data set ${String(never)}`);
    }
  }
}
