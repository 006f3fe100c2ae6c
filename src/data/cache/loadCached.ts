import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Dataset } from '../Dataset.js';
import type { CacheOutcome } from './CacheOutcome.js';
import { cacheKey } from './cacheKey.js';
import { fingerprintSource } from './fingerprintSource.js';
import { readDatasetFile } from './readDatasetFile.js';
import { writeDatasetFile } from './writeDatasetFile.js';

/** Options of `loadCached`. */
export interface LoadCachedOptions {
  /** Absolute cache folder (see resolveCacheDir); created when missing. */
  readonly cacheDir: string;
  /** Short label for the file name, e.g. `cifar10-train`. */
  readonly name: string;
  /** The folder whose files the data set is decoded from; fingerprinted by stat. */
  readonly sourceRoot: string;
  /** Decode parameters that change the result (they enter the key). */
  readonly params: Readonly<Record<string, unknown>>;
  /** Decodes the data set from `sourceRoot` on a miss. */
  readonly build: () => Promise<Dataset>;
  /** Told about an unwritable cache folder or a corrupt cache file; never thrown. */
  readonly onWarning?: (message: string) => void;
}

/**
 * Loads a decoded data set through the on-disk cache. The file name is
 * `<name>-<hash of sourceRoot>-<key prefix>.gpds`, where the key covers the format version,
 * the source fingerprint and `params`; any change to the source therefore misses, and the
 * superseded file of the same source is deleted when the new one is stored. Corrupt or
 * mismatched files are rebuilt; an unwritable folder degrades to building without a cache
 * with one warning. Only `build` may throw.
 */
export async function loadCached(options: LoadCachedOptions): Promise<{ dataset: Dataset; outcome: CacheOutcome }> {
  const { cacheDir, name, sourceRoot, params, build } = options;
  const warn = options.onWarning ?? (() => undefined);
  let fingerprint: string;
  try {
    fingerprint = (await fingerprintSource(sourceRoot)).hash;
  } catch {
    // An unreadable source is the builder's error to report, with its own message.
    return { dataset: await build(), outcome: 'off' };
  }
  const key = cacheKey(fingerprint, params);
  const sourceTag = createHash('sha256').update(path.resolve(sourceRoot)).digest('hex').slice(0, 8);
  const prefix = `${name.replace(/[^A-Za-z0-9._-]/g, '_')}-${sourceTag}-`;
  const file = path.join(cacheDir, `${prefix}${key.slice(0, 24)}.gpds`);

  const found = await readDatasetFile(file, key);
  if (found.ok) return { dataset: found.dataset, outcome: 'hit' };

  const dataset = await build();
  // One warning per load at most: an unwritable folder subsumes an unreadable file in it.
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeDatasetFile(file, dataset, { key, fingerprint });
  } catch (error) {
    warn(`cache: cannot write to ${cacheDir} (${(error as Error).message}); continuing without a cache`);
    return { dataset, outcome: 'unwritable' };
  }
  await removeSuperseded(cacheDir, prefix, path.basename(file));
  if (found.missing) return { dataset, outcome: 'stored' };
  warn(`cache: ignoring ${file}: ${found.reason}; rebuilt it`);
  return { dataset, outcome: 'replaced' };
}

/** Deletes older cache files of the same source so a changing folder does not fill the disk. */
async function removeSuperseded(cacheDir: string, prefix: string, keep: string): Promise<void> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  for (const n of names) {
    if (n.startsWith(prefix) && n.endsWith('.gpds') && n !== keep) {
      await rm(path.join(cacheDir, n), { force: true }).catch(() => undefined);
    }
  }
}
