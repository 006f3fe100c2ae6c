import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../errors/DataError.js';
import { readJsonFile } from '../record/readJsonFile.js';
import { SHARD_MANIFEST, type ShardManifest } from './ShardManifest.js';

/**
 * The shard manifest of a results folder (`<dir>/shard.json`), or undefined when the folder is
 * not a shard's. A manifest of the wrong shape is a DataError naming the file: a damaged one
 * must not make a missing shard go unnoticed.
 */
export async function readShardManifest(dir: string): Promise<ShardManifest | undefined> {
  const file = path.join(dir, SHARD_MANIFEST);
  if (!existsSync(file)) return undefined;
  const m = (await readJsonFile(file, 'results')) as Partial<ShardManifest> | null;
  const int = (x: unknown, min: number) => Number.isSafeInteger(x) && (x as number) >= min;
  const ok =
    typeof m === 'object' &&
    m !== null &&
    m.schemaVersion === 1 &&
    int(m.shard?.k, 1) &&
    int(m.shard?.n, 1) &&
    m.shard!.k <= m.shard!.n &&
    typeof m.sweep === 'object' &&
    m.sweep !== null &&
    (m.sweep.protocol === 'fresh' || m.sweep.protocol === 'chained') &&
    int(m.sweep.seeds, 1) &&
    Array.isArray(m.jobs) &&
    int(m.of, 0);
  if (!ok) throw new DataError(file, `results: ${file} is not a gradproof shard manifest (schemaVersion 1, shard k/n, sweep, jobs, of)`);
  return m as ShardManifest;
}
