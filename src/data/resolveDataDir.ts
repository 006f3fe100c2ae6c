import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../errors/DataError.js';
import { UsageError } from '../errors/UsageError.js';

/**
 * The data directory: `flag` (the CLI's `--data DIR`) if given, else the environment variable
 * `GRADPROOF_DATA`, else `./data`; always returned absolute (resolved against the cwd).
 * Empty strings count as unset, so `GRADPROOF_DATA=` does not silently mean the cwd. One folder
 * for everything; to find one data set wherever it is (the user cache too), use findDataset.
 */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = nonEmpty(flag) ?? nonEmpty(env['GRADPROOF_DATA']) ?? 'data';
  return path.resolve(chosen);
}

/** Names of the data sets `locateDataset` knows. */
export type DatasetName = 'gurmukhi' | 'cifar10';

/** Where a data set was found and in which layout. */
export interface DatasetLocation {
  readonly kind: 'gurmukhi-folder' | 'cifar-binary' | 'cifar-image-folder';
  /** Absolute path of the folder holding the data set. */
  readonly path: string;
}

// Lookup order matters for CIFAR-10: the official binary release is exact (the JPEG copy is
// lossy), so it wins when both are present.
const candidates: Record<DatasetName, readonly { dir: string; kind: DatasetLocation['kind'] }[]> = {
  gurmukhi: [{ dir: 'gurmukhi', kind: 'gurmukhi-folder' }],
  cifar10: [
    { dir: 'cifar-10-batches-bin', kind: 'cifar-binary' },
    { dir: 'cifar10-jpg', kind: 'cifar-image-folder' },
  ],
};

/** What `locateDataset` looks for, as messages say it: `gurmukhi/`, `cifar-10-batches-bin/ or cifar10-jpg/`. */
export function datasetFolders(name: DatasetName): string {
  return (candidates[name] ?? []).map((c) => `${c.dir}/`).join(' or ');
}

/**
 * Finds data set `name` inside `dataDir`. Gurmukhi: `gurmukhi/`. CIFAR-10: `cifar-10-batches-bin/`
 * (the official binary release), else `cifar10-jpg/`. Throws a DataError naming the folder searched,
 * what was looked for and how to fix it when none is there.
 */
export function locateDataset(dataDir: string, name: DatasetName): DatasetLocation {
  const list = candidates[name];
  if (list === undefined) {
    throw new UsageError(`locateDataset: unknown data set ${JSON.stringify(name)}; expected 'gurmukhi' or 'cifar10'`);
  }
  const root = path.resolve(dataDir);
  for (const { dir, kind } of list) {
    const full = path.join(root, dir);
    if (isDirectory(full)) return { kind, path: full };
  }
  const lookedFor = datasetFolders(name);
  const why = existsSync(root) ? '' : ' (that folder does not exist)';
  throw new DataError(
    path.join(root, list[0]!.dir),
    `locateDataset: ${name} not found in ${root}${why}: looked for ${lookedFor}; ${howToGet(name, root)}`,
  );
}

/** The one step that gets a missing data set: the command that fetches it, or where to put it. */
function howToGet(name: DatasetName, root: string): string {
  switch (name) {
    case 'cifar10':
    case 'gurmukhi':
      return (
        `get it with \`gradproof data fetch ${name} --data ${shellWord(root)}\`, ` +
        `or point --data DIR or GRADPROOF_DATA at the folder that contains it`
      );
    default: {
      const never: never = name;
      return never;
    }
  }
}

/** `p` as one shell word: as it is when it needs no quoting, else in single quotes. */
function shellWord(p: string): string {
  return /^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s === '' ? undefined : s;
}
