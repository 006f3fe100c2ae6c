import { rm } from 'node:fs/promises';
import path from 'node:path';
import { GradproofError } from '../../errors/GradproofError.js';
import { UsageError } from '../../errors/UsageError.js';
import { SandboxError } from '../../sandbox/SandboxError.js';
import type { GoldenFile } from '../../golden/GoldenFile.js';
import { writeJsonAtomic } from '../../record/writeJsonAtomic.js';
import type { SandboxLimits, SandboxPolicy } from '../../sandbox/SandboxLimits.js';
import type { GradeReport } from '../GradedTest.js';
import { gradeSubmission, type GradeInput } from '../gradeSubmission.js';
import type { Rubric } from '../Rubric.js';
import { writeGradeOutputs } from '../writeGradeOutputs.js';
import type { GradebookRow } from './GradebookRow.js';
import type { GradeMeta, GradeSettings } from './GradeMeta.js';
import { studentFingerprint } from './gradeSettings.js';
import type { ListedSubmission } from './listSubmissions.js';
import { notGradedReport } from './notGradedReport.js';
import { shownPath } from '../intake/shownPath.js';
import { GRADE_META_FILE } from './readGradeMeta.js';
import { readGradebookRow, RESULTS_FILE } from './readGradebookRow.js';
import { stageSubmission, type StagedSubmission } from './stageSubmission.js';
import { studentNote } from './studentNote.js';
import { alreadyGraded } from './alreadyGraded.js';
import { studentSeed } from './studentSeed.js';

/** What every student of one run is graded with. */
export interface ClassContext {
  readonly rubric: Rubric;
  readonly goldens: readonly GoldenFile[];
  readonly limits: SandboxLimits;
  readonly settings: GradeSettings;
  readonly sandbox: SandboxPolicy;
  readonly outDir: string;
  /** File name of the JUnit XML written beside each results.json, if asked. */
  readonly junitFile: string | undefined;
  readonly shard: GradeMeta['shard'];
  readonly classInfo: GradeMeta['class'];
}

/** How one student went: graded now, skipped (graded before with the same fingerprint), or not gradable. */
export interface StudentOutcome {
  readonly id: string;
  readonly how: 'graded' | 'skipped' | 'failed';
  readonly row: GradebookRow;
  readonly seconds: number;
}

/**
 * Grades one student of a class into OUTDIR/<id>/: results.json (and the JUnit file), then
 * .grade-meta.json last, so a meta beside a results.json vouches for it (the old meta is removed
 * before regrading: an interrupted regrade leaves no meta that matches). A student graded before
 * with the same fingerprint (hand-in and settings) is skipped. A hand-in that cannot be graded,
 * and any unexpected error, become this student's `failed-to-grade` results; it throws only what
 * would fail every student alike (a UsageError, a sandbox `unavailable` here).
 */
export async function gradeStudent(student: ListedSubmission, ctx: ClassContext): Promise<StudentOutcome> {
  const t0 = performance.now();
  const seconds = () => Math.round(performance.now() - t0) / 1000;
  const dir = path.join(ctx.outDir, student.id);
  const files = {
    results: path.join(dir, RESULTS_FILE),
    meta: path.join(dir, GRADE_META_FILE),
    junit: ctx.junitFile && path.join(dir, ctx.junitFile),
  };
  const metaOf = (status: GradeMeta['status'], note: string, inputSha256: string | null, fingerprint: string | null): GradeMeta => ({
    schemaVersion: 1,
    id: student.id,
    status,
    note: shownPath(note, 300),
    fingerprint,
    inputSha256,
    settings: ctx.settings,
    rubricTests: ctx.rubric.tests.map((t) => ({ name: t.name, points: t.points })),
    shard: ctx.shard,
    class: ctx.classInfo,
    seconds: seconds(),
  });
  const write = async (report: GradeReport, meta: GradeMeta): Promise<GradebookRow> => {
    await rm(files.meta, { force: true });
    await writeGradeOutputs(report, files.results, files.junit);
    await writeJsonAtomic(files.meta, meta);
    return readGradebookRow(dir, meta);
  };
  const failed = async (why: string): Promise<StudentOutcome> => {
    const meta = metaOf('failed-to-grade', why, null, null);
    try {
      return {
        id: student.id,
        how: 'failed',
        row: await write(notGradedReport(ctx.rubric, why, seconds(), ctx.settings.seed), meta),
        seconds: seconds(),
      };
    } catch (e) {
      const note = shownPath(`${why}; its results could not be written: ${(e as Error).message}`, 300);
      return {
        id: student.id,
        how: 'failed',
        row: { id: student.id, score: 0, max: rubricMax(ctx.rubric), tests: [], status: 'failed-to-grade', note },
        seconds: seconds(),
      };
    }
  };

  let staged: StagedSubmission | undefined;
  try {
    if (student.problem !== undefined) return await failed(student.problem);
    try {
      staged = await stageSubmission(student);
    } catch (e) {
      if (e instanceof GradproofError) return await failed(e.message);
      throw e;
    }
    const fingerprint = studentFingerprint(staged.inputSha256, ctx.settings);
    const done = await alreadyGraded(dir, fingerprint, files, { class: ctx.classInfo, shard: ctx.shard });
    if (done) return { id: student.id, how: 'skipped', row: done, seconds: seconds() };
    // Each student's own seed, from the class's: no student's visible results answer another's inputs.
    const input: GradeInput = {
      rubric: ctx.rubric,
      goldens: ctx.goldens,
      logs: staged.logs,
      ...(staged.code !== undefined ? { code: staged.code } : {}),
      limits: ctx.limits,
      seed: studentSeed(ctx.settings.seed, student.id),
      sandbox: ctx.sandbox,
    };
    const report = withoutFolder(await gradeSubmission(input), staged.dir);
    const row = await write(report, metaOf('ok', studentNote(staged, report), staged.inputSha256, fingerprint));
    return { id: student.id, how: 'graded', row, seconds: seconds() };
  } catch (e) {
    // Not this student's doing and the same for every student (the sandbox cannot run here, a
    // bad setting): the class stops, with the one-line reason, instead of failing everyone.
    if (e instanceof UsageError || (e instanceof SandboxError && e.kind === 'unavailable')) throw e;
    return await failed(`unexpected error while grading: ${e instanceof Error ? e.message : typeof e}`);
  } finally {
    await staged?.cleanup().catch(() => undefined);
  }
}

const rubricMax = (rubric: Rubric): number => Math.round(rubric.tests.reduce((s, t) => s + t.points, 0) * 1e4) / 1e4;

/** The report with the private copy's folder taken out of its messages: students see their own file names. */
function withoutFolder(report: GradeReport, dir: string): GradeReport {
  const clean = (text: string) => text.replaceAll(`${dir}${path.sep}`, '');
  return { ...report, tests: report.tests.map((t) => ({ ...t, output: clean(t.output) })), notes: report.notes.map(clean) };
}
