import type { GradeReport } from '../GradedTest.js';
import type { Rubric } from '../Rubric.js';
import { failedTest } from '../scoreCases.js';

/**
 * The report of a student whose hand-in could not be graded at all (a symbolic link, an
 * ambiguous folder, an unexpected error): every rubric test scores 0 and says why, so the
 * student's results.json explains itself on Gradescope (hidden tests still say only "failed").
 */
export function notGradedReport(rubric: Rubric, why: string, seconds: number, seed: number): GradeReport {
  return {
    assignment: rubric.assignment,
    tests: rubric.tests.map((t) => failedTest(t, `not graded: ${why}`, 0)),
    skipped: [],
    notes: [`not graded: ${why}`],
    seconds,
    seed,
  };
}
