import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../../errors/DataError';
import type { GoldenFile, Quantity } from '../../golden/GoldenFile';
import { parseEpochLog } from '../../golden/parseEpochLog';
import { quantityOf } from '../../golden/quantityOf';
import { readRunRecordsDir } from '../../record/readRunRecordsDir';
import type { RunRecord } from '../../record/RunRecord';
import { validateRunRecord } from '../../record/runRecordIO';
import { matchExperiment } from './matchExperiment';
import type { SubmittedRun } from './SubmittedRun';

const QUANTITIES: readonly Quantity[] = ['trainLoss', 'trainAcc', 'valAcc', 'testAcc', 'testLoss', 'gradNorm', 'firstLayerGradNormFirstBatch'];
/** A log bigger than this is not a training log. */
const MAX_BYTES = 16 * 1024 * 1024;

/** The runs handed in as `file`, plus notes on what could not be used (unmatched headers, empty runs). */
export interface SubmittedRuns {
  readonly runs: SubmittedRun[];
  readonly notes: string[];
}

function fromRecord(r: RunRecord, source: string): SubmittedRun {
  const epochs = new Map<number, Partial<Record<Quantity, number>>>();
  for (const e of r.epochs) {
    const values: Partial<Record<Quantity, number>> = {};
    for (const q of QUANTITIES) {
      const v = quantityOf(r, q, e.epoch);
      if (v !== undefined) values[q] = v;
    }
    epochs.set(e.epoch, values);
  }
  return { experiment: r.experiment, source: `${source} (seed ${r.seed})`, matchedBy: 'run record', epochs, limit: r.config.limit };
}

/**
 * Reads what a student handed in: epoch logs in the report's format (each `Training with …`
 * section matched to an experiment by matchExperiment), one run record or an array of them (JSON),
 * or a folder of run records. Throws a DataError or SchemaError (with the JSON path) naming the
 * file when it cannot be read, parsed or validated; the caller records that as the submission's
 * failure.
 */
export async function readSubmittedRuns(file: string, goldens: readonly GoldenFile[]): Promise<SubmittedRuns> {
  let size: number;
  let isDir: boolean;
  try {
    const s = await stat(file);
    size = s.size;
    isDir = s.isDirectory();
  } catch (e) {
    throw new DataError(file, `grade: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? e})`, { cause: e });
  }
  if (isDir) return { runs: (await readRunRecordsDir(file)).map((r) => fromRecord(r, file)), notes: [] };
  if (size > MAX_BYTES) throw new DataError(file, `grade: ${file} is ${size} bytes, too big for a log (limit ${MAX_BYTES})`);
  const text = await readFile(file, 'utf8');
  const name = path.basename(file);
  if (/^\s*[[{]/.test(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new DataError(file, `grade: ${file} is not JSON (${(e as Error).message})`, { cause: e });
    }
    const list = Array.isArray(value) ? value : [value];
    return { runs: list.map((v, i) => fromRecord(validateRunRecord(v, Array.isArray(value) ? `${file}[${i}]` : file), name)), notes: [] };
  }
  const notes: string[] = [];
  const runs: SubmittedRun[] = [];
  for (const run of parseEpochLog(text, name)) {
    const label = run.header === '' ? 'epochs before any "Training with" header' : `"Training with ${run.header}"`;
    if (run.epochs.length === 0) {
      notes.push(`${name}: ${label} has no epoch lines`);
      continue;
    }
    const match = matchExperiment(run.header, goldens);
    if (!match) {
      notes.push(`${name}: ${label} matches no experiment (name one, e.g. "Training with gurmukhi/l2-dropout")`);
      continue;
    }
    const epochs = new Map<number, Partial<Record<Quantity, number>>>();
    for (const e of run.epochs) epochs.set(e.epoch, { trainLoss: e.trainLoss, trainAcc: e.trainAcc, testAcc: e.testAcc, gradNorm: e.gradNorm });
    runs.push({ experiment: match.experiment, source: `${name} ${label}`, matchedBy: match.matchedBy, epochs, limit: null });
  }
  return { runs, notes };
}
