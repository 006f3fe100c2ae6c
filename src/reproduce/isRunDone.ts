import { existsSync } from 'node:fs';
import { readRunRecord } from '../record/runRecordIO.js';
import type { RunRecord } from '../record/RunRecord.js';

/**
 * The finished record at `path` if it is valid and was made with the same seed, epochs and
 * limit as asked; undefined when the run still has to be done (absent, damaged or different).
 */
export async function isRunDone(
  path: string,
  want: { experiment: string; seed: number; epochs: number; limit: number | null },
): Promise<RunRecord | undefined> {
  if (!existsSync(path)) return undefined;
  try {
    const r = await readRunRecord(path);
    const same =
      r.experiment === want.experiment && r.seed === want.seed && r.config.epochs === want.epochs && r.config.limit === want.limit;
    return same && r.epochs.length === want.epochs ? r : undefined;
  } catch {
    return undefined;
  }
}
