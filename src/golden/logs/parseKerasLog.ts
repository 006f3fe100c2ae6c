import { DataError } from '../../errors/DataError.js';
import { displayedText } from './displayedText.js';
import { kerasEpochHeader } from './kerasEpochHeader.js';
import { logLines } from './logLines.js';
import { logMetricOf } from './logMetricOf.js';
import type { LogEpoch, LogMetric, LogRun, LogValue } from './LogRun.js';
import { readDecimal } from './readDecimal.js';

/** Longest `Epoch N/M` or progress line read, as displayed (Keras's are a few hundred characters). */
export const MAX_KERAS_LINE = 4096;

/** A progress line that could carry an epoch's figures, ranked by `better`. */
interface Candidate {
  /** `k/k`: the epoch's last update; `k/Unknown` when Keras did not know the step count yet. */
  readonly finished: boolean;
  readonly step: number;
  /** `name: number` pairs on the line, kept or not: the update after validation has the most. */
  readonly pairs: number;
  readonly values: Partial<Record<LogMetric, LogValue>>;
  readonly notes: readonly string[];
}

interface Block {
  readonly epoch: number;
  readonly line: number;
  best?: Candidate;
}

/**
 * Runs in the output of Keras's `model.fit` (Keras 2 and 3, verbose 1 or 2): an `Epoch N/M` line,
 * then progress lines `k/K [====] - 12s 8ms/step - loss: 1.83 - accuracy: 0.34 - val_loss: …`
 * (Keras 3: `k/K ━━━━ 3s 2ms/step - accuracy: … - loss: …`, names in any order). A progress bar
 * rewrites its line with `\r`, so each line is read as displayed (displayedText: the last segment,
 * colours and backspaces dropped).
 *
 * An epoch's figures come from its best progress line: a finished one (`K/K`) before an unfinished
 * `k/Unknown`; then the one with the most `name: number` pairs (the update after validation
 * adds the `val_` ones); then, among finished lines, the first (an `evaluate` printed after the
 * last epoch comes later), among `Unknown` ones the furthest step. An epoch with no progress line
 * is left out with a note. `Epoch N/M` with N not after the epoch before, or another M, starts
 * a new run (a second `fit`). Names are mapped by logMetricOf; others are noted and skipped.
 * A kept metric that is not a finite decimal (`loss: nan`) is a DataError naming the line.
 *
 * Linear whatever the log holds: lines are found with indexOf and read by cursors, no regular
 * expressions.
 */
export function parseKerasLog(text: string, file: string): LogRun[] {
  // Notes and skipped names are sets: a crafted log repeating them must not make adding one a search.
  const runs: { label: string; line: number; text: string; epochs: LogEpoch[]; notes: Set<string>; of: number; skipped: Set<string> }[] = [];
  let block: Block | undefined;
  const close = (): void => {
    const run = runs.at(-1);
    if (!block || !run) return;
    if (block.best) {
      run.epochs.push({ epoch: block.epoch, values: block.best.values });
      for (const n of block.best.notes) run.notes.add(n);
    } else run.notes.add(`epoch ${block.epoch} (line ${block.line}) has no progress line with figures; left out`);
    block = undefined;
  };
  for (const { raw, number } of logLines(text)) {
    const shown = displayedText(raw);
    const trimmed = shown.trim();
    const header = kerasEpochHeader(trimmed);
    const progress = header ? undefined : progressCount(trimmed);
    if (!header && !progress) continue;
    const where = `parseKerasLog: ${file}:${number}`;
    if (shown.length > MAX_KERAS_LINE) {
      throw new DataError(file, `${where}: ${header ? 'an "Epoch N/M"' : 'a progress'} line of ${shown.length} characters, over the ${MAX_KERAS_LINE}-character limit`);
    }
    if (header) {
      const [epoch, of] = header;
      if (!(epoch >= 1 && epoch <= of)) throw new DataError(file, `${where}: impossible epoch ${JSON.stringify(trimmed)}`);
      const previous = block?.epoch ?? runs.at(-1)?.epochs.at(-1)?.epoch;
      close();
      const run = runs.at(-1);
      if (!run || run.of !== of || previous === undefined || epoch <= previous) {
        runs.push({ label: trimmed, line: number, text: shown, epochs: [], notes: new Set(), of, skipped: new Set() });
      }
      block = { epoch, line: number };
      continue;
    }
    if (!block || !progress) continue; // progress before any epoch: an evaluate or predict, not training
    const candidate = readProgress(trimmed, progress, shown, number, file, runs.at(-1)!.skipped);
    if (!block.best || better(candidate, block.best)) block.best = candidate;
  }
  close();
  return runs.map(({ label, line, text: t, epochs, notes, skipped }) => ({
    label,
    line,
    text: t,
    epochs,
    notes: skipped.size > 0 ? [...notes, `not kept (no golden metric): ${[...skipped].join(', ')}`] : [...notes],
  }));
}

/** Whether `a` should replace `b` as an epoch's progress line (see parseKerasLog). */
function better(a: Candidate, b: Candidate): boolean {
  if (a.finished !== b.finished) return a.finished;
  if (a.pairs !== b.pairs) return a.pairs > b.pairs;
  return !a.finished && a.step > b.step;
}

/** [k, K] for a progress line starting `k/K` (K undefined for `k/Unknown`). */
function progressCount(line: string): [number, number | undefined] | undefined {
  let at = 0;
  while (at < line.length && isDigit(line.charCodeAt(at))) at++;
  if (at === 0 || line[at] !== '/') return undefined;
  const step = Number(line.slice(0, at));
  if (line.startsWith('Unknown', at + 1)) return [step, undefined];
  const from = ++at;
  while (at < line.length && isDigit(line.charCodeAt(at))) at++;
  if (at === from || !(at === line.length || line[at] === ' ')) return undefined;
  return [step, Number(line.slice(from, at))];
}

/** The `name: number` pairs after the ` - ` separators of a progress line. */
function readProgress(line: string, [step, target]: [number, number | undefined], shown: string, number: number, file: string, skipped: Set<string>): Candidate {
  const values: Partial<Record<LogMetric, LogValue>> = {};
  const notes: string[] = [];
  let pairs = 0;
  for (let at = line.indexOf(' - '); at !== -1; ) {
    const next = line.indexOf(' - ', at + 3);
    const segment = line.slice(at + 3, next === -1 ? line.length : next).trim();
    at = next;
    const colon = segment.indexOf(': ');
    if (colon <= 0 || !isName(segment.slice(0, colon))) continue;
    const name = segment.slice(0, colon);
    const printed = segment.slice(colon + 2).trim();
    const value = readDecimal(printed);
    const metric = logMetricOf(name);
    if (value !== undefined) pairs++;
    if (!metric) {
      if (value !== undefined) skipped.add(name);
      continue;
    }
    if (value === undefined) {
      throw new DataError(file, `parseKerasLog: ${file}:${number}: ${name}: ${JSON.stringify(printed.slice(0, 40))} is not a finite number, so it cannot be a golden figure`);
    }
    const had = values[metric];
    if (had) {
      notes.push(`${had.field} and ${name} both read as ${metric}; ${had.field} kept`);
      continue;
    }
    values[metric] = { value, printed, percent: false, field: name, line: number, text: shown };
  }
  return { finished: target !== undefined && step === target, step, pairs, values, notes };
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** A metric name as Keras prints it: letters, digits and `_`. */
function isName(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f)) return false;
  }
  return s.length > 0;
}
