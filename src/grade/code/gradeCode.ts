import { GradproofError } from '../../errors/GradproofError.js';
import { UsageError } from '../../errors/UsageError.js';
import { openSandbox } from '../../sandbox/openSandbox.js';
import { prepareSubmission } from '../../sandbox/prepareSubmission.js';
import { SandboxError } from '../../sandbox/SandboxError.js';
import type { SandboxLimits, SandboxPolicy } from '../../sandbox/SandboxLimits.js';
import type { GradedTest } from '../GradedTest.js';
import type { RubricTest } from '../Rubric.js';
import { failedTest, scoreCases } from '../scoreCases.js';
import { runCodeCheck, type CodeCheckId } from './runCodeCheck.js';

const MIN_SHARE_MS = 1000;

/** Code tests graded, and how the sandbox isolated the submission (for the results' notes and record). */
export interface CodeGrades {
  readonly tests: GradedTest[];
  /** The isolation layers in force (empty when no sandbox started). */
  readonly layers: readonly string[];
}

/**
 * Grades the rubric's code tests on the submission `file`, each in a fresh sandbox, so a hang or
 * crash costs only that test. `limits.timeoutMs` is the budget for all of them together, shared
 * fairly: a test may use what is left divided by the tests left, but at least 1 s while the
 * budget lasts (a fast test leaves its unused share to the next; once the budget is spent, the
 * remaining tests are not run). A submission that cannot load (syntax error, missing import,
 * exit at import) fails every test with that one reason, without being started again.
 *
 * Every check draws its inputs from the grading `seed` (an integer in [0, 2³¹)), so a run is
 * replayed by passing its seed again, and runs with different seeds judge different inputs.
 * Throws a UsageError for a seed out of range. The strict sandbox is used unless `policy.weak`;
 * where it cannot run, every test fails with the reason (the CLI refuses before grading).
 */
export async function gradeCode(file: string, tests: readonly RubricTest[], limits: SandboxLimits, seed: number, policy: SandboxPolicy = {}): Promise<CodeGrades> {
  if (!Number.isSafeInteger(seed) || seed < 0 || seed >= 2 ** 31) throw new UsageError(`gradeCode: seed must be an integer in [0, 2^31), got ${String(seed)}`);
  const start = Date.now();
  const prepared = await prepareSubmission(file).catch((e: unknown) => {
    if (e instanceof GradproofError) return e;
    throw e;
  });
  if (prepared instanceof GradproofError) {
    return { tests: tests.map((t) => failedTest(t, `the submission could not be prepared: ${prepared.message}`, 0)), layers: [] };
  }
  const graded: GradedTest[] = [];
  let layers: readonly string[] = [];
  let loadFailure: string | undefined;
  try {
    for (const [i, test] of tests.entries()) {
      const t0 = Date.now();
      const elapsed = () => (Date.now() - t0) / 1000;
      if (loadFailure) {
        graded.push(failedTest(test, loadFailure, 0));
        continue;
      }
      const left = Math.max(0, limits.timeoutMs - (Date.now() - start));
      // Never less than MIN_SHARE_MS (a sandbox takes ~0.1–0.3 s to start), budget permitting.
      const share = Math.min(left, Math.max(MIN_SHARE_MS, left / (tests.length - i)));
      if (share < 50) {
        graded.push(failedTest(test, `not run: the ${limits.timeoutMs / 1000} s budget for running the submission was used up by earlier tests`, 0));
        continue;
      }
      let session;
      try {
        session = await openSandbox(prepared.dir, prepared.entry, { ...limits, timeoutMs: share }, policy);
      } catch (e) {
        if (!(e instanceof SandboxError)) throw e;
        const why = e.kind === 'load' ? e.message : e.kind === 'unavailable' ? `not graded: ${e.message}` : `the submission failed while loading: ${explain(e, share, limits)}`;
        // A hang at load may be this test's short share: later tests try again with theirs.
        if (e.kind !== 'timeout') loadFailure = why;
        graded.push(failedTest(test, why, elapsed()));
        continue;
      }
      if (layers.length === 0) layers = session.layers;
      try {
        graded.push(scoreCases(test, await runCodeCheck(test.check.code as CodeCheckId, session, seed), elapsed()));
      } catch (e) {
        if (!(e instanceof SandboxError)) throw e;
        graded.push(failedTest(test, `the submission failed: ${explain(e, share, limits)}`, elapsed()));
      } finally {
        session.close();
      }
    }
  } finally {
    await prepared.cleanup();
  }
  return { tests: graded, layers };
}

/** A timeout names the test's share of the budget, so a student sees why it was that short. */
function explain(e: SandboxError, shareMs: number, limits: SandboxLimits): string {
  if (e.kind !== 'timeout') return e.message;
  return `timed out after ${+(shareMs / 1000).toFixed(2)} s (this test's share of the ${limits.timeoutMs / 1000} s budget for all code tests); the submission was killed`;
}
