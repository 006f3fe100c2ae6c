import { randomInt } from 'node:crypto';
import { GradproofError } from '../errors/GradproofError.js';
import type { GoldenFile } from '../golden/GoldenFile.js';
import { DEFAULT_SANDBOX_LIMITS, type SandboxLimits, type SandboxPolicy } from '../sandbox/SandboxLimits.js';
import { gradeCode } from './code/gradeCode.js';
import type { GradedTest, GradeReport, SkippedTest } from './GradedTest.js';
import { gradeClaim } from './logs/gradeClaim.js';
import { gradeFigures } from './logs/gradeFigures.js';
import { readSubmittedRuns } from './logs/readSubmittedRuns.js';
import type { SubmittedRun } from './logs/SubmittedRun.js';
import type { Rubric } from './Rubric.js';
import { failedTest, scoreCases } from './scoreCases.js';

/** What to grade: logs and/or a code module, against a validated rubric and the golden files. */
export interface GradeInput {
  readonly rubric: Rubric;
  readonly goldens: readonly GoldenFile[];
  /** Epoch logs, run-record JSON files or folders of run records. */
  readonly logs?: readonly string[];
  /** A module implementing the regulariser interface (src/grade/code/RegularizerApi.ts). */
  readonly code?: string;
  readonly limits?: Partial<SandboxLimits>;
  /**
   * Seeds the inputs the code checks are judged on, an integer in [0, 2³¹). Default: drawn once
   * per call (node:crypto), so every grading run judges fresh inputs; give it to replay a run.
   */
  readonly seed?: number;
  /** The strict sandbox (default) or, only where staff ask for it, the weak one (see SandboxPolicy). */
  readonly sandbox?: SandboxPolicy;
}

/**
 * Grades a submission by the rubric. Problems with what was handed in (an unreadable or
 * malformed log, a submission that does not load, hangs or crashes) never throw: the tests that
 * needed it score 0 with the reason. Tests whose input was not given (code tests without `code`,
 * log tests without `logs`) are skipped and listed.
 */
export async function gradeSubmission(input: GradeInput): Promise<GradeReport> {
  const start = Date.now();
  const { rubric, goldens } = input;
  const limits: SandboxLimits = { ...DEFAULT_SANDBOX_LIMITS, ...input.limits };
  const notes: string[] = [];
  const seed = input.seed ?? randomInt(0, 2 ** 31);
  const skipped: SkippedTest[] = [];
  let sandbox: readonly string[] = [];
  const results = new Map<number, GradedTest>();
  const logTests = rubric.tests.map((t, i) => [t, i] as const).filter(([t]) => t.check.code === undefined);
  const codeTests = rubric.tests.map((t, i) => [t, i] as const).filter(([t]) => t.check.code !== undefined);

  if (input.logs && input.logs.length > 0) {
    const runs: SubmittedRun[] = [];
    let unreadable: string | undefined;
    for (const file of input.logs) {
      try {
        const got = await readSubmittedRuns(file, goldens);
        runs.push(...got.runs);
        notes.push(...got.notes);
      } catch (e) {
        // readSubmittedRuns throws only GradproofErrors; should anything else come, it is still
        // this log's failure, never one that loses the --code results.
        unreadable = e instanceof GradproofError ? e.message : `grade: --log ${file} could not be read (${e instanceof Error ? e.name : typeof e})`;
        notes.push(`log not usable: ${unreadable}`);
      }
    }
    for (const r of runs) notes.push(`run: ${r.source} → ${r.experiment} (matched by ${r.matchedBy})`);
    for (const [t, i] of logTests) {
      const t0 = Date.now();
      if (runs.length === 0 && unreadable) {
        results.set(i, failedTest(t, `the log could not be read: ${unreadable}`, 0));
        continue;
      }
      const cases = t.check.figures
        ? gradeFigures(t.check.figures, runs, goldens)
        : [gradeClaim(goldens.flatMap((g) => g.claims).find((c) => c.id === t.check.claim)!, runs)];
      results.set(i, scoreCases(t, cases, (Date.now() - t0) / 1000));
    }
  } else {
    for (const [t] of logTests) skipped.push({ name: t.name, reason: 'needs --log' });
  }

  if (input.code !== undefined) {
    const graded = await gradeCode(input.code, codeTests.map(([t]) => t), limits, seed, input.sandbox);
    sandbox = graded.layers;
    notes.push(`grading seed: ${seed} (replay with --seed ${seed})`);
    graded.tests.forEach((g, k) => results.set(codeTests[k]![1], g));
    if (graded.layers.length > 0) notes.push(`sandbox: ${graded.layers.join('; ')}; ${limits.timeoutMs / 1000} s for all code tests`);
  } else {
    for (const [t] of codeTests) skipped.push({ name: t.name, reason: 'needs --code' });
  }

  const tests = [...results.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
  return { assignment: rubric.assignment, tests, skipped, notes, seconds: (Date.now() - start) / 1000, seed, sandbox };
}
