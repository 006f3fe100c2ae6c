import path from 'node:path';
import { UsageError } from '../errors/UsageError.js';
import { byCodePoint } from '../grade/batch/byCodePoint.js';
import { readRunRecordFiles, type RunRecordFile } from '../record/readRunRecordFiles.js';
import type { RunRecord } from '../record/RunRecord.js';
import { mergeRunRecords } from './mergeRunRecords.js';
import { readShardManifest } from './readShardManifest.js';
import { recordProvenance, type ValueCount } from './recordProvenance.js';
import { sweepGaps, type SweepGap } from './sweepGaps.js';

/** The run records of one or more results folders, merged, with what a reader should know of them. */
export interface Results {
  /** One record per job, sorted by experiment (code point) then seed. */
  readonly records: readonly RunRecord[];
  /** Copies of a kept record found in another file (same job and content but for timing), dropped. */
  readonly duplicates: readonly RunRecordFile[];
  /** Every sharded sweep the folders' shard manifests name, with the shards and jobs it lacks. */
  readonly sweeps: readonly SweepGap[];
  readonly provenance: { readonly gradproof: readonly ValueCount[]; readonly backends: readonly ValueCount[] };
}

/**
 * Reads the run records under each folder (a whole `reproduce` output or one shard's) and
 * merges them ({@link mergeRunRecords}: copies counted once, a job with two different results
 * an error naming both files), together with the folders' shard manifests, so the card of
 * several shards is judged exactly as that of one folder holding every run.
 */
export async function readResults(dirs: readonly string[]): Promise<Results> {
  if (dirs.length === 0) throw new UsageError('readResults: needs at least one results folder, got none');
  // A folder named twice, or one inside another, holds the same files: read each file once.
  const seen = new Set<string>();
  const files = (await Promise.all(dirs.map(readRunRecordFiles))).flat().filter((f) => {
    const key = path.resolve(f.file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const merged = mergeRunRecords(files);
  const records = merged.records.map((f) => f.record).sort((a, b) => byCodePoint(a.experiment, b.experiment) || a.seed - b.seed);
  const manifests = (await Promise.all(dirs.map(readShardManifest))).filter((m) => m !== undefined);
  return { records, duplicates: merged.duplicates, sweeps: sweepGaps(manifests, records), provenance: recordProvenance(records) };
}
