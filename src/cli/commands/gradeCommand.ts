import { UsageError } from '../../errors/UsageError.js';
import { gradeSubmission } from '../../grade/gradeSubmission.js';
import { renderGradeSummary } from '../../grade/renderGradeSummary.js';
import { sameOutputFile } from '../../grade/sameOutputFile.js';
import { writeGradeOutputs } from '../../grade/writeGradeOutputs.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { CONFIG_OPTION } from '../projectFlag.js';
import { gradingInputs } from '../gradingInputs.js';
import { positiveNumberFlag } from '../positiveNumberFlag.js';
import { gradeClassCommand } from './gradeClassCommand.js';
import { gradeMergeCommand } from './gradeMergeCommand.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { assertSandboxAvailable } from '../../sandbox/assertSandboxAvailable.js';

/** Default wall-clock budget for all code tests together (s). */
const DEFAULT_TIMEOUT_S = 30;

/** `--seed N`: an integer in [0, 2^31), or undefined when not given (a fresh seed per run). */
function gradingSeed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n >= 2 ** 31) throw new UsageError(`gradproof grade: --seed must be an integer in [0, 2^31), got ${JSON.stringify(value)}`);
  return n;
}

/**
 * `gradproof grade`: scores handed-in logs and/or regulariser code by a rubric and writes
 * Gradescope's results.json (--out), JUnit XML (--junit) and a summary on `out`. Whatever the
 * submission does, the results are written; usage errors, an invalid rubric or golden file and an
 * unwritable output are thrown (the CLI prints one line and exits 2) before any file is written.
 * Returns 0 when every test got full marks, 1 otherwise. With --submissions it grades a class
 * (gradeClassCommand); `grade merge` merges the output folders of a sharded class.
 */
export async function gradeCommand(args: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  if (args[0] === 'merge') return gradeMergeCommand(args.slice(1), err);
  const { values, positionals } = parseCommandArgs('grade', args, {
    log: { type: 'string', multiple: true },
    code: { type: 'string' },
    rubric: { type: 'string' },
    out: { type: 'string' },
    junit: { type: 'string' },
    timeout: { type: 'string' },
    memory: { type: 'string' },
    golden: { type: 'string' },
    'reveal-hidden': { type: 'boolean' },
    seed: { type: 'string' },
    submissions: { type: 'string' },
    jobs: { type: 'string' },
    shard: { type: 'string' },
    'weak-sandbox': { type: 'boolean' },
    ...CONFIG_OPTION,
  });
  if (positionals.length > 0)
    throw new UsageError(`gradproof grade: unexpected argument ${JSON.stringify(positionals[0])}; usage: ${COMMAND_HELP.grade.usage}`);
  if (values.submissions !== undefined) return gradeClassCommand(values, err);
  for (const flag of ['jobs', 'shard'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`gradproof grade: --${flag} goes with --submissions DIR (a class), got --${flag} ${JSON.stringify(values[flag])}`);
  }
  const logs = values.log ?? [];
  if (logs.length === 0 && values.code === undefined)
    throw new UsageError(`gradproof grade: give --log FILE or --code FILE (or both); usage: ${COMMAND_HELP.grade.usage}`);
  for (const [flag, v] of [
    ['--log', logs.find((l) => l === '')],
    ['--code', values.code],
    ['--out', values.out],
    ['--junit', values.junit],
  ] as const) {
    if (v === '') throw new UsageError(`gradproof grade: ${flag} needs a path, got ""`);
  }
  // Checked before anything runs: the JUnit file would otherwise replace results.json.
  if (values.out !== undefined && values.junit !== undefined && (await sameOutputFile(values.out, values.junit)))
    throw new UsageError(`gradproof grade: --out and --junit name the same file (${JSON.stringify(values.out)} and ${JSON.stringify(values.junit)}); give two different paths`);
  const timeoutMs = positiveNumberFlag('grade', 'timeout', values.timeout, DEFAULT_TIMEOUT_S, 3600) * 1000;
  const memoryMb = positiveNumberFlag('grade', 'memory', values.memory, 256, 16384);
  const seed = gradingSeed(values.seed);
  const sandbox = { weak: values['weak-sandbox'] ?? false };
  if (values.code !== undefined) assertSandboxAvailable('gradproof grade', sandbox);
  const { goldens, rubric } = await gradingInputs('grade', values);
  const report = await gradeSubmission({
    rubric,
    goldens,
    logs,
    ...(values.code !== undefined ? { code: values.code } : {}),
    limits: { timeoutMs, memoryMb },
    ...(seed !== undefined ? { seed } : {}),
    sandbox,
  });
  await writeGradeOutputs(report, values.out, values.junit);
  out.write(renderGradeSummary(report, values['reveal-hidden'] ?? false));
  if (values.out) err.write(`gradproof grade: wrote ${values.out}${values.junit ? ` and ${values.junit}` : ''}\n`);
  return report.tests.every((t) => t.score >= t.maxScore) ? 0 : 1;
}
