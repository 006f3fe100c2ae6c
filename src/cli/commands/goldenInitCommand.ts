import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../errors/UsageError.js';
import { readRegularFile } from '../../grade/intake/readRegularFile.js';
import { goldenFileName } from '../../golden/goldenFileName.js';
import { goldenFromLog } from '../../golden/goldenFromLog.js';
import type { EpochChoice, HeldOut } from '../../golden/logs/figuresFromLog.js';
import type { LogFormat } from '../../golden/logs/LogRun.js';
import { numberSpans } from '../../golden/logs/numberSpans.js';
import { readRunRecordsDir } from '../../record/readRunRecordsDir.js';
import { writeJsonAtomic } from '../../record/writeJsonAtomic.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { CONFIG_OPTION, projectFlag } from '../projectFlag.js';
import { getExperiment } from '../../experiments/getExperiment.js';
import { intFlag, parseCommandArgs } from '../parseCommandArgs.js';

const API = 'golden init';
/** A training log bigger than this is not one (a Keras log with every progress update of 100 epochs is a few MB). */
const MAX_LOG_BYTES = 64 * 1024 * 1024;
const FORMATS: readonly (LogFormat | 'auto')[] = ['auto', 'report', 'keras', 'csv'];
/** Notes beyond this many are counted, not printed: a hostile log could make thousands. */
const MAX_NOTES = 12;

/**
 * `gradproof golden init --log FILE --experiment ID`: a golden file from a written training log
 * (the report's format, Keras fit output, a metrics CSV), every figure with its file, line and
 * quote; bands from `--spread DIR` or placeholders that do not gate; no claims. Refuses to replace
 * an existing file without --force, and writes atomically, only once the whole file validated.
 */
export async function goldenInitCommand(args: readonly string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseCommandArgs(API, args, {
    log: { type: 'string' },
    experiment: { type: 'string' },
    section: { type: 'string' },
    format: { type: 'string' },
    'held-out': { type: 'string' },
    run: { type: 'string' },
    epochs: { type: 'string' },
    spread: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    ...CONFIG_OPTION,
  });
  const usage = `usage: ${COMMAND_HELP.golden.usage}`;
  if (positionals.length > 0) throw new UsageError(`gradproof ${API}: unexpected ${JSON.stringify(positionals.join(' '))}; ${usage}`);
  if (values.log === undefined) throw new UsageError(`gradproof ${API}: --log FILE is required; ${usage}`);
  if (values.experiment === undefined) throw new UsageError(`gradproof ${API}: --experiment ID is required; ${usage}`);
  const format = values.format ?? 'auto';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`gradproof ${API}: --format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(format)}`);
  const heldOut = values['held-out'];
  if (heldOut !== undefined && heldOut !== 'val' && heldOut !== 'test') throw new UsageError(`gradproof ${API}: --held-out must be val or test, got ${JSON.stringify(heldOut)}`);
  const epochs = epochChoice(values.epochs);
  const run = intFlag(API, 'run', values.run, 1);
  // In a project the experiment must be one of its own, and its golden file goes to the project's
  // golden folder, under the experiment's section; elsewhere, to ./golden.
  const project = await projectFlag(values.config);
  const declared = project.configPath ? getExperiment(values.experiment, project.experiments) : undefined;
  const section = values.section ?? declared?.section;
  const outFile = values.out ?? path.join(project.configPath ? project.goldenDir : 'golden', goldenFileName(values.experiment));
  if (!values.force && (await exists(outFile))) {
    throw new UsageError(`gradproof ${API}: ${outFile} exists; pass --force to replace it (or --out FILE for another)`);
  }

  const text = (await readRegularFile(values.log, { api: `gradproof ${API}`, label: '--log', maxBytes: MAX_LOG_BYTES })).toString('utf8');
  const spread = values.spread === undefined ? undefined : await readRunRecordsDir(values.spread);
  const made = goldenFromLog(text, {
    file: values.log,
    experiment: values.experiment,
    ...(section !== undefined ? { section } : {}),
    format: format as LogFormat | 'auto',
    ...(run !== undefined ? { run } : {}),
    ...(heldOut !== undefined ? { heldOut: heldOut as HeldOut } : {}),
    epochs,
    ...(spread ? { spread } : {}),
  });
  await writeJsonAtomic(outFile, made.golden);

  const { golden } = made;
  const lines = [...new Set(golden.figures.map((f) => f.source!.line))].sort((a, b) => a - b);
  const metrics = [...new Set(golden.figures.map((f) => f.metric))];
  const gating = golden.figures.filter((f) => f.gating).length;
  const report = [
    `golden init: wrote ${outFile}: ${golden.figures.length} figures of ${golden.experiment} (${metrics.join(', ')} at epochs ${numberSpans([...new Set(golden.figures.map((f) => f.epoch))], 8)})`,
    `  read from ${values.log} (${made.format} format, run ${made.run.index} of ${made.run.of} at line ${made.run.line}), line${lines.length === 1 ? '' : 's'} ${numberSpans(lines, 8)}`,
    ...made.notes.slice(0, MAX_NOTES).map((n) => `  note: ${n}`),
    ...(made.notes.length > MAX_NOTES ? [`  note: … and ${made.notes.length - MAX_NOTES} more`] : []),
    golden.spread
      ? `  bands: reported ± ${golden.spread.k}σ over seeds ${golden.spread.seeds.join(', ')}; ${gating} of ${golden.figures.length} figures gate`
      : `  bands: placeholders, not gating (no seed spread measured); run \`gradproof reproduce --only ${golden.experiment} --seeds 5 --out DIR\`, then \`gradproof golden init … --spread DIR --force\``,
    '  claims: none; write ordering, range and restores claims by hand',
  ];
  out.write(`${report.join('\n')}\n`);
  return 0;
}

/** --epochs: `all` (the default), `last`, or a comma-separated list of epochs from 1. */
function epochChoice(value: string | undefined): EpochChoice {
  if (value === undefined || value === 'all' || value === 'last') return value ?? 'all';
  const list = value.split(',').map((s) => s.trim());
  if (list.some((s) => !/^[1-9]\d{0,8}$/.test(s))) {
    throw new UsageError(`gradproof ${API}: --epochs must be all, last or epochs from 1 like 1,5,10, got ${JSON.stringify(value)}`);
  }
  return [...new Set(list.map(Number))].sort((a, b) => a - b);
}

/** Whether anything (a file, a folder, a dangling symbolic link) is at `file`. */
async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new UsageError(`gradproof ${API}: cannot check --out ${file} (${(e as NodeJS.ErrnoException).code ?? e})`, { cause: e });
  }
}
