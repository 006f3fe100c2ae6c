import type { GradedTest, GradeReport } from './GradedTest';

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
  readonly score: number;
  readonly execution_time: number;
  readonly output: string;
  /** The grader's stdout may mention hidden tests' names: staff only. */
  readonly stdout_visibility: 'hidden';
  readonly tests: readonly GradescopeTest[];
}

/** What a test's output may say where students can see it: hidden tests say only passed or failed. */
export function visibleOutput(t: GradedTest): string {
  return t.visibility === 'hidden' ? t.status : t.output;
}

/** The results.json for `report`; the total is the sum of the test scores (to 1e-4). */
export function gradescopeResults(report: GradeReport): GradescopeResults {
  const score = Math.round(report.tests.reduce((s, t) => s + t.score, 0) * 1e4) / 1e4;
  const max = report.tests.reduce((s, t) => s + t.maxScore, 0);
  const skipped = report.skipped.length > 0 ? ` ${report.skipped.length} rubric tests not run (${[...new Set(report.skipped.map((s) => s.reason))].join(', ')}).` : '';
  return {
    score,
    execution_time: Math.round(report.seconds * 1000) / 1000,
    output: `gradproof grade (${report.assignment}): ${score} of ${max} points.${skipped}`,
    stdout_visibility: 'hidden',
    tests: report.tests.map((t) => ({ name: t.name, score: t.score, max_score: t.maxScore, output: visibleOutput(t), visibility: t.visibility, status: t.status })),
  };
}
