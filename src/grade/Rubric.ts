/* Generated from schema/rubric.schema.json by `npm run gen:types`. Do not edit. */

/**
 * How `gradproof grade` scores a submission: each test names one check (golden figures of one experiment, one golden claim, or one check of the regulariser interface), its points and who may see its details. Written by course staff; validated on load.
 */
export interface Rubric {
  schemaVersion: 1;
  assignment: string;
  description?: string;
  /**
   * @minItems 1
   */
  tests: RubricTest[];
}
export interface RubricTest {
  /**
   * Shown to students (unique within the rubric).
   */
  name: string;
  /**
   * At most 1000 per test, and 10000 for the whole rubric (checked on load), so every score is a finite number.
   */
  points: number;
  /**
   * Gradescope's visibility (default visible). Hidden tests' output says only passed or failed, wherever it is written.
   */
  visibility?: 'visible' | 'hidden' | 'after_due_date' | 'after_published';
  /**
   * partial (default): points × the fraction of the check's cases that pass; all: the points only when every case passes.
   */
  scoring?: 'partial' | 'all';
  check: RubricCheck;
}
/**
 * Exactly one of: figures (needs --log), claim (needs --log), code (needs --code).
 */
export interface RubricCheck {
  /**
   * The golden figures of one experiment, each a case: the submitted run's value (mean over its runs) must lie in the figure's band.
   */
  figures?: {
    experiment: string;
    /**
     * Default: every epoch with a golden figure.
     *
     * @minItems 1
     */
    epochs?: number[];
    /**
     * Default: all four.
     *
     * @minItems 1
     */
    metrics?: ('trainLoss' | 'trainAcc' | 'testAcc' | 'gradNorm')[];
  };
  /**
   * A golden claim id (gurmukhi/claim/…, cifar/claim/…): orderings are read on the means of the submitted runs, ranges and restorations on their values.
   */
  claim?: string;
  /**
   * A check of the submitted regulariser module (see src/grade/code/RegularizerApi.ts).
   */
  code?:
    | 'interface'
    | 'l1-values'
    | 'l1-gradient'
    | 'l1-properties'
    | 'l2-values'
    | 'l2-gradient'
    | 'l2-properties'
    | 'dropout-values'
    | 'dropout-properties';
}
