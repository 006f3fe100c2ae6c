import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../errors/DataError.js';
import type { RunRecord } from './RunRecord.js';
import { readRunRecord } from './runRecordIO.js';

/** A run record and the file it was read from. */
export interface RunRecordFile {
  readonly file: string;
  readonly record: RunRecord;
}

/**
 * Every run record under `dir` with its file, in file-name order: recursively, `*.json` files
 * whose name does not start with `.` or `card`/`report`/`summary` and is not `shard.json` (a
 * shard's manifest), outside `plots/`; each validated. A file that fails validation is an error
 * naming it — a results folder with a damaged record must not be judged silently.
 */
export async function readRunRecordFiles(dir: string): Promise<RunRecordFile[]> {
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
      else if (e.isFile() && e.name.endsWith('.json') && !/^(\.|card|report|summary|shard\.json$)/.test(e.name)) files.push(full);
    }
  };
  await walk(dir);
  files.sort();
  return Promise.all(files.map(async (file) => ({ file, record: await readRunRecord(file) })));
}
