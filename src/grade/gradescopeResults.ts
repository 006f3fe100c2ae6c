import type { GradedTest, GradeReport } from './GradedTest.js';

/** One test in Gradescope's results.json. */
export interface GradescopeTest {
  readonly name: string;
  readonly score: number;
  readonly max_score: number;
  readonly output: string;
  readonly visibility: GradedTest['visibility'];
  readonly status: GradedTest['status'];
}

/** Gradescope's results.json (https://gradescope-autograders.readthedocs.io/en/latest/specs/). */
export interface GradescopeResults {
  /** The grade: every test's points, hidden ones included (Gradescope hides it from students while any test is hidden). */
  readonly score: number;
  readonly execution_time: number;
  /** Shown to students at once: counts only the tests marked `visible`. */
  readonly output: string;
  /** The grader's stdout may mention hidden tests' names: staff only. */
  readonly stdout_visibility: 'hidden';
  readonly tests: readonly GradescopeTest[];
  /**
   * Gradescope's "optional extra data to be stored" (not shown to students): the grading seed
   * (replay with `grade --seed`) and the sandbox's isolation layers when code was run.
   */
  readonly extra_data: { readonly gradproof: { readonly seed: number; readonly sandbox: readonly string[] } };
}

/** What a test's output may say where students can see it: hidden tests say only passed or failed. */
export function visibleOutput(t: GradedTest): string {
  return t.visibility === 'hidden' ? t.status : t.output;
}

/** A sum of scores to 1e-4, as Gradescope shows them. */
const total = (tests: readonly GradedTest[], of: (t: GradedTest) => number): number => Math.round(tests.reduce((s, t) => s + of(t), 0) * 1e4) / 1e4;

/**
 * The results.json for `report`. What students may see follows Gradescope's autograder spec,
 * "Controlling Test Case Visibility" (https://gradescope-autograders.readthedocs.io/en/latest/specs/#controlling-test-case-visibility,
 * source gradescope/autograder_samples docs/specs.md): a test's `visibility` is `hidden` (never
 * shown to students), `after_due_date`, `after_published` or `visible`; and "If test cases are
 * hidden, students will not be able to see their total score". So:
 * - the top-level `score` is the grade, every test counted (it "overrides total of tests"; it
 *   must not leave out hidden tests, whose points are what they are for), and Gradescope itself
 *   keeps it from students while any test is hidden. (Until June 2020 the spec said `hidden`
 *   tests did not hide the total, being meant for tests worth no points; it no longer does.)
 * - the top-level `output` has no visibility of its own, so it counts only `visible` tests: not
 *   their number, points or score of the others, whose existence it mentions in fixed words.
 *   Tests that were skipped (no --code, no --log) are named in the staff's summary, not here.
 * - a hidden test's own `output` says only passed or failed (visibleOutput).
 */
export function gradescopeResults(report: GradeReport): GradescopeResults {
  const shown = report.tests.filter((t) => t.visibility === 'visible');
  const some = shown.length < report.tests.length;
  const later = some ? ' on the tests shown now. Other tests count toward your grade too; their results are not shown here.' : '.';
  return {
    score: total(report.tests, (t) => t.score),
    execution_time: Math.round(report.seconds * 1000) / 1000,
    output: `gradproof grade (${report.assignment}): ${total(shown, (t) => t.score)} of ${total(shown, (t) => t.maxScore)} points${later}`,
    stdout_visibility: 'hidden',
    tests: report.tests.map((t) => ({ name: t.name, score: t.score, max_score: t.maxScore, output: visibleOutput(t), visibility: t.visibility, status: t.status })),
    extra_data: { gradproof: { seed: report.seed, sandbox: report.sandbox ?? [] } },
  };
}
