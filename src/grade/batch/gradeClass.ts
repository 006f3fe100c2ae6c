import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../record/writeFileAtomic.js';
import { DEFAULT_SANDBOX_LIMITS, type SandboxLimits } from '../../sandbox/SandboxLimits.js';
import type { GradeClassOptions } from './GradeClassOptions.js';
import { checkGradeClassOptions } from './checkGradeClassOptions.js';
import { forEachConcurrently } from './forEachConcurrently.js';
import { gradebookCsv } from './gradebookCsv.js';
import { gradeSettings } from './gradeSettings.js';
import { gradeStudent, type StudentOutcome } from './gradeStudent.js';
import { listSubmissions } from './listSubmissions.js';
import { resolveClassSeed } from './resolveClassSeed.js';
import type { Shard } from './Shard.js';
import { shardOf } from './shardOf.js';

export type { GradeClassOptions };

/** What {@link gradeClass} did. */
export interface ClassGrades {
  /** This shard's students, in id order. */
  readonly students: readonly StudentOutcome[];
  /** The gradebook written: OUTDIR/gradebook.csv, or OUTDIR/gradebook-shard-k-of-n.csv for a shard. */
  readonly gradebook: string;
  readonly seed: number;
  /** Students in the whole class folder (every shard). */
  readonly classSize: number;
  readonly seconds: number;
}

/** The gradebook's name in an output folder. */
export const gradebookName = (shard: Shard | undefined): string =>
  shard ? `gradebook-shard-${shard.k}-of-${shard.n}.csv` : 'gradebook.csv';

/**
 * Grades a class: every student of `submissions` ({@link listSubmissions}) in this shard
 * ({@link shardOf}), `jobs` at a time, each from a private copy of their hand-in, into
 * OUTDIR/<id>/results.json (+ JUnit, + .grade-meta.json), then the gradebook CSV. Students are
 * independent: one that cannot be graded, or fails unexpectedly, is recorded as
 * `failed-to-grade` and the others go on. Resumable: a student graded before with the same
 * hand-in, rubric, golden files, seed, limits, sandbox policy and gradproof version is skipped. Throws only for
 * bad options (UsageError), an unreadable class folder or unwritable output (DataError), and what
 * would fail every student alike (the sandbox cannot run here): then the students graded so far
 * keep their results and a rerun resumes.
 */
export async function gradeClass(o: GradeClassOptions): Promise<ClassGrades> {
  const t0 = performance.now();
  const api = 'grade --submissions';
  checkGradeClassOptions(o);
  const jobs = o.jobs ?? availableParallelism();
  const limits: SandboxLimits = { ...DEFAULT_SANDBOX_LIMITS, ...o.limits };

  const { students: everyone, hidden } = await listSubmissions(o.submissions);
  const ids = everyone.map((s) => s.id);
  const classInfo = { size: ids.length, idsSha256: createHash('sha256').update(ids.join('\n')).digest('hex') };
  const shard = o.shard ?? { k: 1, n: 1 };
  const mine = new Set(shardOf(ids, shard));
  const students = everyone.filter((s) => mine.has(s.id));
  await mkdir(o.outDir, { recursive: true });
  const seed = await resolveClassSeed(o.outDir, o.seed);
  const ctx = {
    rubric: o.rubric,
    goldens: o.goldens,
    limits,
    settings: gradeSettings(o.rubric, o.goldens, limits, seed, o.sandbox),
    sandbox: o.sandbox ?? {},
    outDir: o.outDir,
    junitFile: o.junitFile,
    shard,
    classInfo,
  };
  const log = o.log ?? (() => undefined);
  const ofClass = o.shard ? ` (shard ${shard.k}/${shard.n} of a class of ${ids.length})` : '';
  const skippedHidden = hidden.length > 0 ? `; ${hidden.length} hidden ${hidden.length === 1 ? 'entry' : 'entries'} skipped` : '';
  log(`${api}: ${students.length} students${ofClass}, ${Math.min(jobs, students.length)} at a time, seed ${seed}${skippedHidden}`);

  const outcomes = new Map<string, StudentOutcome>();
  await forEachConcurrently(students, jobs, async (s) => {
    const done = await gradeStudent(s, ctx);
    outcomes.set(s.id, done);
    const { score, max, note } = done.row;
    const how = done.how === 'skipped' ? 'already graded' : `${done.seconds.toFixed(1)} s`;
    log(
      `[${outcomes.size}/${students.length}] ${s.id} ${score}/${max} (${how})${done.how === 'failed' ? ` failed to grade: ${note}` : ''}`,
    );
  });

  const ordered = students.map((s) => outcomes.get(s.id)!);
  const gradebook = path.join(o.outDir, gradebookName(o.shard));
  await writeFileAtomic(
    gradebook,
    gradebookCsv(
      o.rubric.tests.map((t) => t.name),
      ordered.map((r) => r.row),
    ),
    api,
  );
  const seconds = Math.round(performance.now() - t0) / 1000;
  const count = (how: StudentOutcome['how']) => ordered.filter((r) => r.how === how);
  const failed = count('failed');
  const failedIds =
    failed.length > 0
      ? ` (${failed
          .slice(0, 10)
          .map((f) => f.id)
          .join(', ')}${failed.length > 10 ? ', …' : ''})`
      : '';
  log(
    `${api}: ${students.length} students in ${seconds.toFixed(1)} s: ${count('graded').length} graded, ${count('skipped').length} already graded, ` +
      `${failed.length} failed to grade${failedIds}; wrote ${gradebook}`,
  );
  return { students: ordered, gradebook, seed, classSize: ids.length, seconds };
}
