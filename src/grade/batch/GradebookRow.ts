/** One student's line in the gradebook CSV. */
export interface GradebookRow {
  readonly id: string;
  /** The results.json score. */
  readonly score: number;
  /** The rubric's total points (the same for every student: a test not run counts 0 of its points). */
  readonly max: number;
  /** Each rubric test's score, in rubric order; undefined where it was not run (no input of its kind). */
  readonly tests: readonly (number | undefined)[];
  readonly status: 'ok' | 'failed-to-grade';
  /** One line: what was graded, or why grading failed. */
  readonly note: string;
}
