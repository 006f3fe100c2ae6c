import path from 'node:path';
import { loadCifarBinary } from '../data/cifar/loadCifarBinary.js';
import { loadCifar10 } from '../data/loadCifar10.js';
import { loadGurmukhi } from '../data/loadGurmukhi.js';
import { loadImageFolder } from '../data/loadImageFolder.js';
import type { Dataset } from '../data/Dataset.js';
import type { DatasetSpec, LoaderSpec } from '../data/DatasetSpec.js';
import { describeValue } from '../errors/describeValue.js';
import { UsageError } from '../errors/UsageError.js';

/** The raw data an experiment needs: training images and the held-out set the report calls "test". */
export interface ExperimentData {
  readonly train: Dataset;
  /** CIFAR-10's official test set; Gurmukhi's `val/` folder (which the report calls "test"); a project's test split. */
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
const loaderIds = new WeakMap<object, number>();
let nextLoaderId = 1;

/**
 * Loads (once per process and source) the data set `spec`: a built-in one from `dataDir`, an
 * image folder or CIFAR-binary folder at its own root, or through the user's loader (whose
 * result is checked: two Datasets with the same image shape and classes).
 */
export function loadExperimentData(spec: DatasetSpec, dataDir: string, options: LoadDataOptions = {}): Promise<ExperimentData> {
  const key = memoKey(spec, dataDir);
  let pending = memo.get(key);
  if (!pending) {
    pending = load(spec, dataDir, options);
    memo.set(key, pending);
    // A failed load must not poison later attempts (the user may fix the folder).
    pending.catch(() => memo.delete(key));
  }
  return pending;
}

function memoKey(spec: DatasetSpec, dataDir: string): string {
  if (typeof spec === 'string') return `${spec}\0${dataDir}`;
  if (spec.kind === 'loader') {
    if (!loaderIds.has(spec.load)) loaderIds.set(spec.load, nextLoaderId++);
    return `loader\0${spec.name}\0${loaderIds.get(spec.load)}\0${dataDir}`;
  }
  return JSON.stringify(spec);
}

async function load(spec: DatasetSpec, dataDir: string, options: LoadDataOptions): Promise<ExperimentData> {
  if (typeof spec === 'string') {
    switch (spec) {
      case 'cifar10': {
        const d = await loadCifar10(dataDir, options);
        return { train: d.train, test: d.test, source: d.source };
      }
      case 'gurmukhi': {
        const d = await loadGurmukhi(dataDir, options.onProgress ? { onProgress: options.onProgress } : {});
        return { train: d.train, test: d.val, source: d.train.source.replace(/\/train\/?$/, '') };
      }
      default:
        throw new UsageError(`loadExperimentData: unknown data set ${JSON.stringify(spec)}; built-in ones are cifar10 and gurmukhi`);
    }
  }
  switch (spec.kind) {
    case 'image-folder': {
      const decode = {
        channels: spec.channels,
        height: spec.height,
        width: spec.width,
        ...(spec.classes ? { classes: spec.classes } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      };
      const train = await loadImageFolder(spec.root, spec.train ?? 'train', decode);
      const test = await loadImageFolder(spec.root, spec.test ?? 'test', { ...decode, classes: spec.classes ?? train.classes });
      return { train, test, source: path.resolve(spec.root) };
    }
    case 'cifar-binary': {
      const train = await loadCifarBinary(spec.root, 'train');
      const test = await loadCifarBinary(spec.root, 'test');
      return { train, test, source: `cifar-binary:${path.resolve(spec.root)}` };
    }
    case 'loader':
      return loadWithUserLoader(spec, dataDir);
    default:
      throw new UsageError(`loadExperimentData: unknown data set ${describeValue(spec)}`);
  }
}

async function loadWithUserLoader(spec: LoaderSpec, dataDir: string): Promise<ExperimentData> {
  const api = `data loader ${spec.name}`;
  const got = (await spec.load({ dataDir })) as unknown;
  if (typeof got !== 'object' || got === null) throw new UsageError(`${api}: must return { train, test } Datasets, got ${describeValue(got)}`);
  const { train, test, source } = got as { train?: unknown; test?: unknown; source?: unknown };
  checkDataset(api, 'train', train);
  checkDataset(api, 'test', test);
  checkSameShape(api, train, test);
  return {
    train: withSource(train, `loader:${spec.name}#train`),
    test: withSource(test, `loader:${spec.name}#test`),
    source: typeof source === 'string' && source !== '' ? source : `loader:${spec.name}`,
  };
}

function withSource(d: Dataset, fallback: string): Dataset {
  return typeof d.source === 'string' && d.source !== '' ? d : { ...d, source: fallback };
}

function checkSameShape(api: string, train: Dataset, test: Dataset): void {
  if (train.channels !== test.channels || train.height !== test.height || train.width !== test.width) {
    throw new UsageError(
      `${api}: train images are ${train.channels}×${train.height}×${train.width} but test images are ${test.channels}×${test.height}×${test.width}`,
    );
  }
  if (JSON.stringify(train.classes) !== JSON.stringify(test.classes)) {
    throw new UsageError(`${api}: train and test must list the same classes in the same order, got ${JSON.stringify(train.classes)} and ${JSON.stringify(test.classes)}`);
  }
}

function checkDataset(api: string, split: string, d: unknown): asserts d is Dataset {
  const v = d as Partial<Dataset> | null;
  const where = `${api}: ${split}`;
  if (typeof v !== 'object' || v === null) throw new UsageError(`${where} must be a Dataset, got ${describeValue(d)}`);
  for (const k of ['count', 'channels', 'height', 'width'] as const) {
    if (!Number.isSafeInteger(v[k]) || (v[k] as number) < 1) {
      throw new UsageError(`${where}.${k} must be a positive integer, got ${describeValue(v[k])}`);
    }
  }
  if (!(v.images instanceof Uint8Array) || v.images.length !== v.count! * v.channels! * v.height! * v.width!) {
    throw new UsageError(
      `${where}.images must be a Uint8Array of count×channels×height×width = ${v.count! * v.channels! * v.height! * v.width!} bytes (N×C×H×W), got ${describeValue(v.images)}`,
    );
  }
  if (!(v.labels instanceof Uint8Array) || v.labels.length !== v.count) {
    throw new UsageError(`${where}.labels must be a Uint8Array of ${v.count} class indices, got ${describeValue(v.labels)}`);
  }
  if (!Array.isArray(v.classes) || v.classes.length < 2 || !v.classes.every((c) => typeof c === 'string')) {
    throw new UsageError(`${where}.classes must be at least two class names in label order, got ${describeValue(v.classes)}`);
  }
  const bad = v.labels.findIndex((l) => l >= v.classes!.length);
  if (bad >= 0) throw new UsageError(`${where}.labels[${bad}] is ${v.labels[bad]}, not a class index below ${v.classes.length}`);
}
