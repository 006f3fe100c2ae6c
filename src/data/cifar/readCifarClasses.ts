import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../../errors/DataError.js';
import { CIFAR10_CLASSES } from './cifar10Classes.js';

/**
 * The class names of a `cifar-10-batches-bin/` folder: the non-empty lines of its
 * `batches.meta.txt` if present, else the canonical CIFAR-10 order. A meta file that does not
 * list exactly ten names is a DataError (a label byte would otherwise have no name).
 */
export async function readCifarClasses(dir: string): Promise<readonly string[]> {
  const file = path.join(dir, 'batches.meta.txt');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return CIFAR10_CLASSES;
    throw new DataError(file, `loadCifarBinary: cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  const names = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (names.length !== CIFAR10_CLASSES.length) {
    throw new DataError(file, `loadCifarBinary: ${file} lists ${names.length} class names, expected ${CIFAR10_CLASSES.length}`);
  }
  return Object.freeze(names);
}
