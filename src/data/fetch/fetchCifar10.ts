import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../../errors/DataError.js';
import { CIFAR_BINARY_FILES } from '../cifar/loadCifarBinary.js';
import { downloadResumable } from './downloadResumable.js';
import { extractTarGz } from './extractTarGz.js';
import { md5File } from './md5File.js';

/** Where the official binary release lives, and its published md5 (cs.toronto.edu/~kriz/cifar.html). */
export const CIFAR10_BINARY_URL = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz';
export const CIFAR10_BINARY_MD5 = 'c32a1d4ab5d03f1284b67883e8d87530';

/** Options of `fetchCifar10`. */
export interface FetchCifar10Options {
  /** The data folder; receives `cifar-10-batches-bin/`. Never the read-only shared data folder. */
  readonly destDir: string;
  readonly url?: string;
  /** Expected md5 (hex) of the whole archive. */
  readonly md5?: string;
  /** Bytes downloaded so far and the total when the server says it. */
  readonly onProgress?: (done: number, total: number | undefined) => void;
  readonly fetchImpl?: typeof fetch;
}

const FOLDER = 'cifar-10-batches-bin';
const REQUIRED = [...CIFAR_BINARY_FILES.train, ...CIFAR_BINARY_FILES.test];

/**
 * Downloads and unpacks the official CIFAR-10 binary release into `<destDir>/cifar-10-batches-bin/`.
 * The archive streams into `<destDir>/cifar-10-binary.tar.gz.partial`, resuming where an earlier
 * attempt stopped; the whole file's md5 must match (else DataError with both values, partial file
 * removed). It is then extracted into a temp folder inside `destDir` by our own tar reader, which
 * rejects absolute paths, `..` and links, and renamed into place, so a failed run never leaves a
 * half-filled folder. Does nothing (downloaded: false) when the folder is already complete.
 */
export async function fetchCifar10(options: FetchCifar10Options): Promise<{ path: string; downloaded: boolean }> {
  const destDir = path.resolve(options.destDir);
  const url = options.url ?? CIFAR10_BINARY_URL;
  const expected = (options.md5 ?? CIFAR10_BINARY_MD5).toLowerCase();
  const target = path.join(destDir, FOLDER);
  if (await hasAll(target)) return { path: target, downloaded: false };
  await mkdir(destDir, { recursive: true }).catch((error: unknown) => {
    throw new DataError(destDir, `fetchCifar10: cannot create ${destDir}: ${(error as Error).message}`, { cause: error });
  });

  const archive = path.join(destDir, 'cifar-10-binary.tar.gz');
  if (!(await exists(archive)) || (await md5File(archive)) !== expected) {
    await rm(archive, { force: true });
    const partial = `${archive}.partial`;
    await downloadResumable({
      url,
      file: partial,
      api: 'fetchCifar10',
      ...(options.fetchImpl && { fetchImpl: options.fetchImpl }),
      ...(options.onProgress && { onProgress: options.onProgress }),
    });
    const actual = await md5File(partial);
    if (actual !== expected) {
      await rm(partial, { force: true });
      throw new DataError(
        partial,
        `fetchCifar10: ${url} downloaded with md5 ${actual}, expected ${expected}; removed the download, run again`,
      );
    }
    await rename(partial, archive);
  }

  const temp = path.join(destDir, `.extract-${randomUUID()}`);
  await mkdir(temp);
  try {
    await extractTarGz(archive, temp);
    const unpacked = path.join(temp, FOLDER);
    if (!(await hasAll(unpacked))) {
      throw new DataError(archive, `fetchCifar10: ${archive} does not contain ${FOLDER}/ with ${REQUIRED.join(', ')}`);
    }
    // Swap rather than merge: a stale or partial folder is moved aside, then deleted.
    const aside = path.join(temp, 'previous');
    if (await exists(target)) await rename(target, aside);
    await rename(unpacked, target);
  } catch (error) {
    // A verified archive whose content is unusable will not improve on retry.
    if (error instanceof DataError) await rm(archive, { force: true });
    throw error;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  await rm(archive, { force: true });
  return { path: target, downloaded: true };
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, () => false);
}

async function hasAll(dir: string): Promise<boolean> {
  for (const name of REQUIRED) {
    const ok = await stat(path.join(dir, name)).then((s) => s.isFile() && s.size > 0, () => false);
    if (!ok) return false;
  }
  return true;
}
