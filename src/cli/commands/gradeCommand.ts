import { UsageError } from '../../errors/UsageError';
import { gradeSubmission } from '../../grade/gradeSubmission';
import { DEFAULT_RUBRIC, loadRubric } from '../../grade/loadRubric';
import { renderGradeSummary } from '../../grade/renderGradeSummary';
import { writeGradeOutputs } from '../../grade/writeGradeOutputs';
import { DEFAULT_GOLDEN_DIR, loadGoldenDir } from '../../golden/loadGoldenDir';
import { parseCommandArgs } from '../parseCommandArgs';
import { COMMAND_HELP } from '../commandHelp';

/** Default wall-clock budget for all code tests together (s). */
const DEFAULT_TIMEOUT_S = 30;

function positiveNumber(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n > 0) || n > max) {
    throw new UsageError(`gradproof grade: --${name} must be a number in (0, ${max}], got ${JSON.stringify(value)}`);
  }
  return n;
}

/**
 * `gradproof grade`: scores handed-in logs and/or regulariser code by a rubric and writes
 * Gradescope's results.json (--out), JUnit XML (--junit) and a summary on `out`. Whatever the
 * submission does, the results are written; usage errors, an invalid rubric or golden file and an
 * unwritable output are thrown (the CLI prints one line and exits 2) before any file is written.
 * Returns 0 when every test got full marks, 1 otherwise.
 */
export async function gradeCommand(args: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
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
  });
  if (positionals.length > 0)
    throw new UsageError(`gradproof grade: unexpected argument ${JSON.stringify(positionals[0])}; usage: ${COMMAND_HELP.grade.usage}`);
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
  const timeoutMs = positiveNumber('timeout', values.timeout, DEFAULT_TIMEOUT_S, 3600) * 1000;
  const memoryMb = positiveNumber('memory', values.memory, 256, 16384);
  const goldens = await loadGoldenDir(values.golden ?? DEFAULT_GOLDEN_DIR);
  const rubric = await loadRubric(values.rubric ?? DEFAULT_RUBRIC, goldens);
  const report = await gradeSubmission({
    rubric,
    goldens,
    logs,
    ...(values.code !== undefined ? { code: values.code } : {}),
    limits: { timeoutMs, memoryMb },
  });
  await writeGradeOutputs(report, values.out, values.junit);
  out.write(renderGradeSummary(report, values['reveal-hidden'] ?? false));
  if (values.out) err.write(`gradproof grade: wrote ${values.out}${values.junit ? ` and ${values.junit}` : ''}\n`);
  return report.tests.every((t) => t.score >= t.maxScore) ? 0 : 1;
}
