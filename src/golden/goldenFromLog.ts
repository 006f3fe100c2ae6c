import { DataError } from '../errors/DataError.js';
import { UsageError } from '../errors/UsageError.js';
import type { RunRecord } from '../record/RunRecord.js';
import type { GoldenFile } from './GoldenFile.js';
import { detectLogFormat } from './logs/detectLogFormat.js';
import { figuresFromLog, type EpochChoice, type HeldOut } from './logs/figuresFromLog.js';
import type { LoggedFigure } from './logs/LoggedFigure.js';
import type { LogFormat, LogRun } from './logs/LogRun.js';
import { parseTrainingLog } from './logs/parseTrainingLog.js';
import { placeholderBand } from './logs/placeholderBand.js';
import { validateGolden } from './loadGoldenDir.js';
import { measuredSpread, type MeasuredSpread } from './measuredSpread.js';
import { quantityOf } from './quantityOf.js';
import { spreadFigureBand } from './spreadFigureBand.js';
import { EXPERIMENT_ID } from '../experiments/experimentId.js';

/** What to build a golden file from, besides the log's text. */
export interface GoldenFromLogOptions {
  /** The log as named in provenance (`source.file`, `provenance.document`) and in messages. */
  readonly file: string;
  /** `<namespace>/<name>`, lowercase a–z, 0–9 and `-`. */
  readonly experiment: string;
  /** Default: the experiment's namespace. */
  readonly section?: string;
  /** Default: auto (detectLogFormat). */
  readonly format?: LogFormat | 'auto';
  /** Which run of a log holding several (from 1); required then. */
  readonly run?: number;
  readonly heldOut?: HeldOut;
  readonly epochs?: EpochChoice;
  /** Run records of fresh seeds: bands from their spread, as `golden update` sets them. Without: placeholder bands, not gating. */
  readonly spread?: readonly RunRecord[];
  /** Band half-width in run-to-run sds (with `spread`). Default 2. */
  readonly k?: number;
}

/** The golden file and how it was read. */
export interface GoldenFromLog {
  readonly golden: GoldenFile;
  readonly format: LogFormat;
  /** The run used, from 1, of how many the log holds. */
  readonly run: { readonly index: number; readonly of: number; readonly label: string; readonly line: number };
  /** Every reading decision (epoch numbering, percentages, which split is testAcc, what was skipped). */
  readonly notes: readonly string[];
}

// As the schemas' experimentId pattern: a cursor-free regular expression with no nested repetition.

/**
 * A golden file built from a training log someone wrote down (`gradproof golden init`): every
 * figure of the chosen run and epochs, each with its line (`source`) and that line's text as its
 * quote. Bands come from `spread` exactly as `golden update` sets them (spreadFigureBand), or
 * are placeholders that do not gate (placeholderBand). Claims are never guessed: `claims` is
 * empty, for ordering, range and restores tests written by hand. The result is validated
 * against the golden schema before it is returned.
 */
export function goldenFromLog(text: string, options: GoldenFromLogOptions): GoldenFromLog {
  const { file, experiment } = options;
  if (!EXPERIMENT_ID.test(experiment)) {
    throw new UsageError(`golden init: the experiment must be <namespace>/<name> (lowercase a-z, 0-9 and -), got ${JSON.stringify(experiment)}`);
  }
  const section = options.section ?? experiment.slice(0, experiment.indexOf('/'));
  if (section.trim() === '') throw new UsageError(`golden init: the section must not be blank, got ${JSON.stringify(section)}`);
  const format = options.format === undefined || options.format === 'auto' ? detectLogFormat(text, file) : options.format;
  const runs = parseTrainingLog(text, file, format);
  const run = chooseRun(runs, options.run, file, format);
  const chosen = runs[run - 1]!;
  const { figures, notes } = figuresFromLog(chosen, options);
  if (figures.length === 0) {
    throw new DataError(file, `golden init: ${file}: the run at line ${chosen.line} has no loss, accuracy or gradient norm at the chosen epochs; nothing to write`);
  }
  const k = options.k ?? 2;
  const measured = options.spread
    ? measuredSpread(options.spread, experiment, k, 'golden init', `fresh starts, protocol scale (no --limit), one run per seed; figures read from ${file}`)
    : undefined;
  const golden: GoldenFile = {
    schemaVersion: 1,
    experiment,
    section,
    provenance: { document: file, heading: `${format} log, run ${run} of ${runs.length}: ${chosen.label}`, quote: chosen.text },
    ...(measured ? { spread: measured.spread } : {}),
    figures: figures.map((f) => ({
      id: `${experiment}/epoch-${f.epoch}/${f.metric}`,
      experiment,
      epoch: f.epoch,
      metric: f.metric,
      reported: f.reported,
      quote: f.quote,
      source: { ...f.source },
      ...(measured ? measuredBand(f, measured, experiment, k) : placeholderBand(experiment, f.metric, f.reported, f.resolution)),
    })),
    claims: [],
  };
  return { golden: validateGolden(golden), format, run: { index: run, of: runs.length, label: chosen.label, line: chosen.line }, notes: [...chosen.notes, ...notes] };
}

/** A figure's band from the seeds' spread, as `golden update` sets it; a seed without the figure's epoch is a UsageError. */
function measuredBand(f: LoggedFigure, measured: MeasuredSpread, experiment: string, k: number): ReturnType<typeof spreadFigureBand> {
  const values = measured.runs.map((r) => {
    const v = quantityOf(r, f.metric, f.epoch);
    if (v === undefined) {
      throw new UsageError(`golden init: the spread run of ${experiment} with seed ${r.seed} has no ${f.metric} at epoch ${f.epoch} (it ran ${r.epochs.length} epochs); reproduce with as many epochs as the log`);
    }
    return v;
  });
  return spreadFigureBand(f.reported, values, { k, resolution: f.resolution, accuracy: f.metric.endsWith('Acc'), seeds: measured.seeds });
}

/** The run to read (from 1): the only one, or the one `--run` names; otherwise a UsageError listing them. */
function chooseRun(runs: readonly LogRun[], wanted: number | undefined, file: string, format: LogFormat): number {
  if (runs.length === 0) throw new DataError(file, `golden init: ${file} holds no epochs in the ${format} format`);
  const list = (): string => runs.slice(0, 20).map((r, i) => `${i + 1}: ${r.label} (line ${r.line}, ${r.epochs.length} epochs)`).join('; ') + (runs.length > 20 ? `; … ${runs.length - 20} more` : '');
  if (wanted === undefined) {
    if (runs.length === 1) return 1;
    throw new UsageError(`golden init: ${file} holds ${runs.length} runs; choose one with --run N: ${list()}`);
  }
  if (!(Number.isInteger(wanted) && wanted >= 1 && wanted <= runs.length)) {
    throw new UsageError(`golden init: --run must be 1..${runs.length} for ${file}, got ${wanted}; its runs: ${list()}`);
  }
  return wanted;
}
