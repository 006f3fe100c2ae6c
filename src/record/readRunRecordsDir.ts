import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../errors/DataError.js';
import type { RunRecord } from './RunRecord.js';
import { readRunRecord } from './runRecordIO.js';

/**
 * Every run record under `dir` (recursively, `*.json` files whose name does not start with `.`
 * or `card`/`report`), validated; sorted by experiment then seed. A file that fails validation
 * is an error naming it — a results folder with a damaged record must not be judged silently.
 */
export async function readRunRecordsDir(dir: string): Promise<RunRecord[]> {
  const files: string[] = [];
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (e) {
      throw new DataError(d, `results: cannot read folder ${d} (${(e as NodeJS.ErrnoException).code ?? e})`, { cause: e });
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory() && e.name !== 'plots') await walk(full);
      else if (e.isFile() && e.name.endsWith('.json') && !/^(\.|card|report|summary)/.test(e.name)) files.push(full);
    }
  };
  await walk(dir);
  const records = await Promise.all(files.sort().map((f) => readRunRecord(f)));
  return records.sort((a, b) => a.experiment.localeCompare(b.experiment) || a.seed - b.seed);
}
