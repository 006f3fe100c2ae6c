import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../../errors/DataError.js';
import { GradproofError } from '../../errors/GradproofError.js';
import type { GoldenFile, Quantity } from '../../golden/GoldenFile.js';
import { parseEpochLog } from '../../golden/parseEpochLog.js';
import { quantityOf } from '../../golden/quantityOf.js';
import { parseJsonText } from '../../record/parseJsonText.js';
import type { RunRecord } from '../../record/RunRecord.js';
import { validateRunRecord } from '../../record/runRecordIO.js';
import { readRegularFile } from '../intake/readRegularFile.js';
import { shownPath } from '../intake/shownPath.js';
import { walkFolder } from '../intake/walkFolder.js';
import { matchExperiment } from './matchExperiment.js';
import type { SubmittedRun } from './SubmittedRun.js';

const QUANTITIES: readonly Quantity[] = ['trainLoss', 'trainAcc', 'valAcc', 'testAcc', 'testLoss', 'gradNorm', 'firstLayerGradNormFirstBatch'];
/** A log or record file bigger than this is not a training log. */
const MAX_BYTES = 16 * 1024 * 1024;
/** Runs in one file (log sections or records) or one folder; a course's logs hold a handful. */
const MAX_RUNS = 1000;
/** A folder of run records is walked this far (entries in all, levels deep). */
const MAX_ENTRIES = 10_000;
const MAX_DEPTH = 8;
const API = 'grade';
const LABEL = '--log';

/** The runs handed in as `file`, plus notes on what could not be used (unmatched headers, empty runs, skipped links). */
export interface SubmittedRuns {
  readonly runs: SubmittedRun[];
  readonly notes: string[];
}

function fromRecord(r: RunRecord, source: string): SubmittedRun {
  const epochs = new Map<number, Partial<Record<Quantity, number>>>();
  for (const e of r.epochs) {
    if (epochs.has(e.epoch)) continue; // the first of a repeated epoch counts, as quantityOf reads it
    // One epoch at a time: quantityOf searches the record's epochs, which over every epoch of a
    // crafted 80 000-epoch record would be quadratic.
    const one = { ...r, epochs: [e] };
    const values: Partial<Record<Quantity, number>> = {};
    for (const q of QUANTITIES) {
      const v = quantityOf(one, q, e.epoch);
      if (v !== undefined) values[q] = v;
    }
    epochs.set(e.epoch, values);
  }
  return { experiment: r.experiment, source: `${source} (seed ${r.seed})`, matchedBy: 'run record', epochs, limit: r.config.limit };
}

const tooMany = (file: string, what: string): DataError =>
  new DataError(file, `${API}: ${LABEL} ${shownPath(file)} holds more than ${MAX_RUNS} ${what}; hand in the runs the rubric asks for`);

/** Run records from one JSON file: one record or an array of them, nesting-checked before parsing. */
function recordsIn(text: string, file: string): RunRecord[] {
  const value = parseJsonText(text, API, shownPath(file));
  const list = Array.isArray(value) ? value : [value];
  if (list.length > MAX_RUNS) throw tooMany(file, 'run records');
  return list.map((v, i) => validateRunRecord(v, Array.isArray(value) ? `${shownPath(file)}[${i}]` : shownPath(file)));
}

/** The epoch log `text`, each `Training with …` section matched to an experiment. */
function logRuns(text: string, file: string, name: string, goldens: readonly GoldenFile[]): SubmittedRuns {
  const notes: string[] = [];
  const runs: SubmittedRun[] = [];
  const sections = parseEpochLog(text, name);
  if (sections.length > MAX_RUNS) throw tooMany(file, '"Training with" sections');
  for (const run of sections) {
    const label = run.header === '' ? 'epochs before any "Training with" header' : `"Training with ${shownPath(run.header, 120)}"`;
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

/** Every run record under the folder `dir` (as `gradproof check` reads a results folder), links skipped with a note. */
async function folderRuns(dir: string): Promise<SubmittedRuns> {
  const { files, notes } = await walkFolder(dir, {
    api: API,
    label: LABEL,
    maxEntries: MAX_ENTRIES,
    maxDepth: MAX_DEPTH,
    accept: (rel) => rel.endsWith('.json') && !/^(\.|card|report|summary)/.test(path.basename(rel)),
    skipFolders: ['plots'],
  });
  if (files.length > MAX_RUNS) throw tooMany(dir, 'run record files');
  const records: RunRecord[] = [];
  for (const f of files) {
    records.push(...recordsIn((await readRegularFile(f, { api: API, label: LABEL, maxBytes: MAX_BYTES })).toString('utf8'), f));
    if (records.length > MAX_RUNS) throw tooMany(dir, 'run records');
  }
  records.sort((a, b) => a.experiment.localeCompare(b.experiment) || a.seed - b.seed);
  return { runs: records.map((r) => fromRecord(r, shownPath(dir))), notes: notes.map((n) => `${shownPath(dir)}: ${n}`) };
}

/**
 * Reads what a student handed in: epoch logs in the report's format (each `Training with …`
 * section matched to an experiment by matchExperiment), one run record or an array of them (JSON),
 * or a folder of run records. Read as a student's input: the file must be a regular file (no
 * symbolic link, device or FIFO) of at most 16 MB, a folder is walked without following links
 * (skipped with a note), JSON is nesting-checked before it is parsed, log lines are parsed in
 * linear time, and at most 1000 runs are read from one file or folder.
 *
 * Throws only GradproofErrors — a DataError or SchemaError (with the JSON path) naming the file
 * when it cannot be read, parsed or validated; the caller records that as the submission's
 * failure. Anything else (a bug, or a limit of the runtime that the caps above missed) becomes a
 * DataError too, so that one bad log never costs the rest of the grading.
 */
export async function readSubmittedRuns(file: string, goldens: readonly GoldenFile[]): Promise<SubmittedRuns> {
  try {
    return await readRuns(file, goldens);
  } catch (e) {
    if (e instanceof GradproofError) throw e;
    const what = e instanceof Error ? `${e.name}: ${e.message}` : 'a non-error value was thrown';
    throw new DataError(file, `${API}: ${LABEL} ${shownPath(file)} could not be read (${what})`, { cause: e });
  }
}

async function readRuns(file: string, goldens: readonly GoldenFile[]): Promise<SubmittedRuns> {
  let isDir = false;
  try {
    isDir = (await lstat(file)).isDirectory();
  } catch {
    // readRegularFile reports it, with the reason.
  }
  if (isDir) return folderRuns(file);
  const text = (await readRegularFile(file, { api: API, label: LABEL, maxBytes: MAX_BYTES })).toString('utf8');
  const name = shownPath(path.basename(file));
  // JSON when its first non-blank character opens an array or object (a log starts with prose).
  const first = text.trimStart().charAt(0);
  if (first === '[' || first === '{') return { runs: recordsIn(text, file).map((r) => fromRecord(r, name)), notes: [] };
  return logRuns(text, file, name, goldens);
}
