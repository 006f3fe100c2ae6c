import path from 'node:path';
import type { DataPlace, DataSearch } from './DataSearch.js';
import { userDataDir } from './userDataDir.js';

/**
 * The folders searched for a data set, in order: `[--data]` alone when `dataDir` is given (a
 * user who names a folder means it); else `GRADPROOF_DATA` (when set), the user cache, `./data`.
 * Absolute; empty strings count as unset; a folder listed twice is kept once, first.
 */
export function dataSearchPath(search: DataSearch = {}): DataPlace[] {
  const cwd = search.cwd ?? process.cwd();
  const explicit = nonEmpty(search.dataDir);
  if (explicit !== undefined) return [{ dir: path.resolve(cwd, explicit), source: '--data' }];
  const env = search.env ?? process.env;
  const fromEnv = nonEmpty(env['GRADPROOF_DATA']);
  const places: DataPlace[] = [
    ...(fromEnv !== undefined ? [{ dir: path.resolve(cwd, fromEnv), source: 'GRADPROOF_DATA' as const }] : []),
    { dir: path.resolve(cwd, userDataDir(search)), source: 'user cache' },
    { dir: path.resolve(cwd, 'data'), source: './data' },
  ];
  return places.filter((p, i) => places.findIndex((q) => q.dir === p.dir) === i);
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s === '' ? undefined : s;
}
