import { UsageError } from '../../errors/UsageError.js';
import { gradeClass } from '../../grade/batch/gradeClass.js';
import { parseShard } from '../../grade/batch/parseShard.js';
import { intFlag } from '../parseCommandArgs.js';
import { gradingInputs } from '../gradingInputs.js';
import { positiveNumberFlag } from '../positiveNumberFlag.js';
import { assertSandboxAvailable } from '../../sandbox/assertSandboxAvailable.js';

/** The `grade` flags the class form reads (as parsed by gradeCommand). */
export interface GradeClassFlags {
  readonly submissions?: string;
  readonly out?: string;
  readonly rubric?: string;
  readonly junit?: string;
  readonly timeout?: string;
  readonly memory?: string;
  readonly jobs?: string;
  readonly shard?: string;
  readonly seed?: string;
  readonly golden?: string;
  readonly config?: string;
  readonly log?: readonly string[];
  readonly code?: string;
  readonly 'reveal-hidden'?: boolean;
  readonly 'weak-sandbox'?: boolean;
}

/**
 * `gradproof grade --submissions DIR --out OUTDIR`: grades a class with {@link gradeClass} (one
 * line per student and a summary on `err`). Usage errors, an invalid rubric and an unreadable
 * class folder are thrown (the CLI prints one line and exits 2). Returns 0 when every student of
 * the shard was graded (whatever their scores), 1 when any could not be graded at all.
 */
export async function gradeClassCommand(values: GradeClassFlags, err: NodeJS.WritableStream): Promise<number> {
  const cmd = 'grade --submissions';
  for (const [flag, given] of [
    ['--log', values.log !== undefined],
    ['--code', values.code !== undefined],
    ['--reveal-hidden', values['reveal-hidden'] !== undefined],
  ] as const) {
    if (given)
      throw new UsageError(`gradproof ${cmd}: ${flag} grades one submission; a class folder's students are found in DIR (drop ${flag})`);
  }
  if (values.submissions === '' || values.submissions === undefined)
    throw new UsageError(`gradproof ${cmd}: --submissions needs a folder, got ""`);
  if (values.out === undefined || values.out === '')
    throw new UsageError(`gradproof ${cmd}: --out OUTDIR is required (each student's results go to OUTDIR/<id>/)`);
  const timeoutS = positiveNumberFlag(cmd, 'timeout', values.timeout, 30, 3600);
  const memoryMb = positiveNumberFlag(cmd, 'memory', values.memory, 256, 16384);
  const jobs = intFlag(cmd, 'jobs', values.jobs, 1, 1024);
  const seed = intFlag(cmd, 'seed', values.seed, 0, 2 ** 31 - 1);
  const shard = values.shard !== undefined ? parseShard(values.shard, `gradproof ${cmd}`) : undefined;
  if (shard && shard.n > 1 && seed === undefined) {
    throw new UsageError(
      `gradproof ${cmd}: --shard ${values.shard} needs --seed N, the same on every shard, so all shards judge the same drawn inputs`,
    );
  }
  assertSandboxAvailable(`gradproof ${cmd}`, { weak: values['weak-sandbox'] ?? false });
  const { goldens, rubric } = await gradingInputs(cmd, values);
  const graded = await gradeClass({
    submissions: values.submissions,
    outDir: values.out,
    rubric,
    goldens,
    limits: { timeoutMs: timeoutS * 1000, memoryMb },
    ...(jobs !== undefined ? { jobs } : {}),
    ...(shard !== undefined ? { shard } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(values.junit !== undefined ? { junitFile: values.junit } : {}),
    ...(values['weak-sandbox'] ? { sandbox: { weak: true } } : {}),
    log: (line) => err.write(`${line}\n`),
  });
  return graded.students.some((s) => s.how === 'failed') ? 1 : 0;
}
