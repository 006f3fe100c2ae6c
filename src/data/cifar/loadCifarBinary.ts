import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../../errors/DataError.js';
import { UsageError } from '../../errors/UsageError.js';
import type { Dataset } from '../Dataset.js';
import { CIFAR_RECORD_BYTES } from './cifar10Classes.js';
import { parseCifarRecords } from './parseCifarRecords.js';
import { readCifarClasses } from './readCifarClasses.js';

/** The batch files of each split of the official binary release, in record order. */
export const CIFAR_BINARY_FILES = {
  train: ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin'],
  test: ['test_batch.bin'],
} as const satisfies Record<string, readonly string[]>;

/**
 * Loads one split of the official CIFAR-10 binary release from `dir` (a `cifar-10-batches-bin/`
 * folder): train = `data_batch_1.bin` … `data_batch_5.bin` in that order, test = `test_batch.bin`.
 * Each record is 1 label byte + 3,072 pixel bytes already in CHW order, so the Dataset is
 * N×3×32×32 uint8 without any reordering. Class names come from `batches.meta.txt` when present.
 * Throws a DataError naming the file for a missing file, a size that is not a whole number of
 * records, or a label above 9 (with its record index).
 */
export async function loadCifarBinary(
  dir: string,
  split: 'train' | 'test',
  options: { readonly onProgress?: (done: number, total: number) => void } = {},
): Promise<Dataset> {
  const names = CIFAR_BINARY_FILES[split];
  if (names === undefined) {
    throw new UsageError(`loadCifarBinary: split must be 'train' or 'test', got ${JSON.stringify(split)}`);
  }
  const files = names.map((name) => path.join(dir, name));
  // Size everything first so one allocation holds the split and a missing batch fails before
  // 150 MB have been read.
  let total = 0;
  for (const file of files) total += Math.floor((await sizeOf(file)) / CIFAR_RECORD_BYTES);
  const images = new Uint8Array(total * (CIFAR_RECORD_BYTES - 1));
  const labels = new Uint8Array(total);
  let count = 0;
  for (const file of files) {
    const bytes = await readFile(file).catch((error: unknown) => {
      throw new DataError(file, `loadCifarBinary: cannot read ${file}: ${(error as Error).message}`, { cause: error });
    });
    count += parseCifarRecords(bytes, file, images, labels, count);
    options.onProgress?.(count, total);
  }
  if (count !== total) {
    throw new DataError(dir, `loadCifarBinary: files in ${dir} changed while being read (${count} records, expected ${total})`);
  }
  return {
    images,
    labels,
    count,
    channels: 3,
    height: 32,
    width: 32,
    classes: await readCifarClasses(dir),
    source: `cifar-binary:${path.resolve(dir)}#${split}`,
  };
}

async function sizeOf(file: string): Promise<number> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new Error('not a regular file');
    return s.size;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file missing' : (error as Error).message;
    throw new DataError(
      file,
      `loadCifarBinary: cannot read ${file}: ${reason} (expected the official cifar-10-batches-bin/ layout)`,
      { cause: error },
    );
  }
}
