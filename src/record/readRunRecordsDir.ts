import type { RunRecord } from './RunRecord.js';
import { readRunRecordFiles } from './readRunRecordFiles.js';

/**
 * Every run record under `dir` (as {@link readRunRecordFiles} finds them: recursively, `*.json`
 * files that are not cards, reports or a shard's manifest), validated; sorted by experiment then
 * seed. A file that fails validation is an error naming it — a results folder with a damaged
 * record must not be judged silently.
 */
export async function readRunRecordsDir(dir: string): Promise<RunRecord[]> {
  const records = (await readRunRecordFiles(dir)).map((f) => f.record);
  return records.sort((a, b) => a.experiment.localeCompare(b.experiment) || a.seed - b.seed);
}
