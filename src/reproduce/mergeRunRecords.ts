import { DataError } from '../errors/DataError.js';
import { firstDifference } from '../record/firstDifference.js';
import type { RunRecordFile } from '../record/readRunRecordFiles.js';
import type { RunRecord } from '../record/RunRecord.js';
import { withoutTiming } from '../record/withoutTiming.js';

/** The run records of several results folders as one set. */
export interface MergedRunRecords {
  /** One record per job, the first file given for it kept. */
  readonly records: readonly RunRecordFile[];
  /** Files dropped as copies of a kept record (same job, same content but for timing). */
  readonly duplicates: readonly RunRecordFile[];
}

/**
 * Merges the run records of shard folders (or any folders) into one set, one record per job:
 * (experiment, seed, protocol, and for a chained run its chain order and position). A record
 * found twice with the same content apart from its wall-clock fields (`withoutTiming`) is one
 * record counted once, whichever copy; the same job with different content is a DataError
 * naming both files and the first field where they differ, since the card would otherwise
 * silently judge one of them.
 */
export function mergeRunRecords(files: readonly RunRecordFile[]): MergedRunRecords {
  const kept = new Map<string, { file: RunRecordFile; content: string }>();
  const duplicates: RunRecordFile[] = [];
  for (const f of files) {
    const key = jobOf(f.record);
    const content = JSON.stringify(withoutTiming(f.record));
    const first = kept.get(key);
    if (first === undefined) kept.set(key, { file: f, content });
    else if (first.content === content) duplicates.push(f);
    else {
      const d = firstDifference(withoutTiming(first.file.record), withoutTiming(f.record));
      const at = d ? `${d.path} (${JSON.stringify(d.a)} vs ${JSON.stringify(d.b)})` : 'in key order only';
      throw new DataError(
        f.file,
        `results: ${first.file.file} and ${f.file} both hold ${key} but differ at ${at}; ` +
          'keep the one that should count (one folder per shard; rerunning a job into another folder makes a copy)',
      );
    }
  }
  return { records: [...kept.values()].map((k) => k.file), duplicates };
}

/** The job a record is the result of, in words. */
function jobOf(r: RunRecord): string {
  const chain = r.chain ? `, chain ${r.chain.order.join('+')} position ${r.chain.position}` : '';
  return `${r.experiment} seed ${r.seed} (${r.protocol}${chain})`;
}
