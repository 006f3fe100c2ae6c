import path from 'node:path';
import type { CacheOutcome } from './cache/CacheOutcome.js';
import { loadCached } from './cache/loadCached.js';
import { resolveCacheDir } from './cache/resolveCacheDir.js';
import { CIFAR10_CLASSES } from './cifar/cifar10Classes.js';
import { loadCifarBinary } from './cifar/loadCifarBinary.js';
import type { Dataset } from './Dataset.js';
import { loadImageFolder } from './loadImageFolder.js';
import { type DatasetLocation, locateDataset } from './resolveDataDir.js';

/** Options of `loadCifar10`. */
export interface LoadCifar10Options {
  /** Cache folder for decoded images; default from resolveCacheDir (GRADPROOF_CACHE, XDG, ~/.cache). */
  readonly cacheDir?: string;
  /** Decode from the source every time, reading and writing no cache. */
  readonly noCache?: boolean;
  /** Progress of the split being loaded, in images (image folder) or records (binary). */
  readonly onProgress?: (done: number, total: number, split: 'train' | 'test') => void;
  /** Non-fatal problems (unwritable cache folder, corrupt cache file); default: process.emitWarning. */
  readonly onWarning?: (message: string) => void;
}

/** The CIFAR-10 splits as published (50,000 train, 10,000 test) and where they came from. */
export interface Cifar10 {
  readonly train: Dataset;
  readonly test: Dataset;
  /** Absolute folder the data was read from. */
  readonly source: string;
  readonly kind: DatasetLocation['kind'];
  /** What the decoded-data cache did per split (`off` for the binary release, see below). */
  readonly cache: { readonly train: CacheOutcome; readonly test: CacheOutcome };
}

/**
 * Loads CIFAR-10 from `dataDir`: the official `cifar-10-batches-bin/` if present (exact pixels),
 * else the `cifar10-jpg/` image folder (lossy JPEG copy), both as N×3×32×32 uint8 with labels in
 * canonical class order. Decoded JPEGs go through the cache so the second load skips decoding;
 * the binary release is not cached, since parsing it is already a plain read of the same bytes
 * a cache file would hold.
 */
export async function loadCifar10(dataDir: string, options: LoadCifar10Options = {}): Promise<Cifar10> {
  const location = locateDataset(dataDir, 'cifar10');
  const load = location.kind === 'cifar-binary' ? binarySplit : folderSplit;
  const train = await load(location.path, 'train', options);
  const test = await load(location.path, 'test', options);
  return {
    train: train.dataset,
    test: test.dataset,
    source: location.path,
    kind: location.kind,
    cache: { train: train.outcome, test: test.outcome },
  };
}

type SplitLoad = { dataset: Dataset; outcome: CacheOutcome };

async function binarySplit(dir: string, split: 'train' | 'test', options: LoadCifar10Options): Promise<SplitLoad> {
  const onProgress = options.onProgress;
  const dataset = await loadCifarBinary(dir, split, {
    ...(onProgress && { onProgress: (done: number, total: number) => onProgress(done, total, split) }),
  });
  return { dataset, outcome: 'off' };
}

async function folderSplit(root: string, split: 'train' | 'test', options: LoadCifar10Options): Promise<SplitLoad> {
  const onProgress = options.onProgress;
  const decode = { channels: 3, height: 32, width: 32, classes: CIFAR10_CLASSES } as const;
  const build = (): Promise<Dataset> =>
    loadImageFolder(root, split, {
      ...decode,
      ...(onProgress && { onProgress: (done: number, total: number) => onProgress(done, total, split) }),
    });
  if (options.noCache === true) return { dataset: await build(), outcome: 'off' };
  return loadCached({
    cacheDir: resolveCacheDir(options.cacheDir),
    name: `cifar10-${split}`,
    sourceRoot: path.join(root, split),
    params: { loader: 'loadImageFolder', split, ...decode },
    build,
    onWarning: options.onWarning ?? ((message) => process.emitWarning(message, 'GradproofWarning')),
  });
}
