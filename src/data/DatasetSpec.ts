import type { Dataset } from './Dataset.js';
import type { DatasetName } from './resolveDataDir.js';

/** `<root>/<split>/<class>/<image>`, decoded by loadImageFolder (BMP, TIFF, PNG, JPEG; no resizing). */
export interface ImageFolderSpec {
  readonly kind: 'image-folder';
  /** Absolute once a project is loaded (config files give it relative to themselves). */
  readonly root: string;
  /** Training split folder; default `train`. */
  readonly train?: string;
  /** Held-out split folder; default `test`. */
  readonly test?: string;
  readonly channels: 1 | 3;
  readonly height: number;
  readonly width: number;
  /** Class folders in label order; default every folder, sorted naturally. */
  readonly classes?: readonly string[];
}

/** The CIFAR-10 binary layout (`data_batch_1.bin` … `data_batch_5.bin`, `test_batch.bin`) in `root`. */
export interface CifarBinarySpec {
  readonly kind: 'cifar-binary';
  readonly root: string;
}

/** What a user's loader returns: raw N×C×H×W uint8 images with labels, train and held-out. */
export interface LoadedSplits {
  readonly train: Dataset;
  readonly test: Dataset;
  /** Where the data came from, for run records; default the loader's name. */
  readonly source?: string;
}

/** A user's data loader; `dataDir` is where gradproof would look for built-in data sets. */
export type DatasetLoader = (ctx: { readonly dataDir: string }) => LoadedSplits | Promise<LoadedSplits>;

/** A data set the user loads themselves; `name` (e.g. `./load.ts#digits`) appears in records and errors. */
export interface LoaderSpec {
  readonly kind: 'loader';
  readonly name: string;
  readonly load: DatasetLoader;
}

/** Where an experiment's data comes from: a built-in data set by name, or one of the user's. */
export type DatasetSpec = DatasetName | ImageFolderSpec | CifarBinarySpec | LoaderSpec;

