import { existsSync } from 'node:fs';
import { readRunRecord } from '../record/runRecordIO.js';
import type { RunRecord } from '../record/RunRecord.js';
import { matchesRun, type WantedRun } from './matchesRun.js';

/**
 * The finished record at `path` if it is valid and was made with the same seed, epochs and
 * limit as asked; undefined when the run still has to be done (absent, damaged or different).
 */
export async function isRunDone(path: string, want: WantedRun): Promise<RunRecord | undefined> {
  if (!existsSync(path)) return undefined;
  try {
    const r = await readRunRecord(path);
    return matchesRun(r, want) ? r : undefined;
  } catch {
    return undefined;
  }
}
