import type { RubricTest } from './Rubric.js';

/** Who may see a test's details (Gradescope's vocabulary). */
export type Visibility = NonNullable<RubricTest['visibility']>;

/** One rubric test after grading, with its full detail; redaction of hidden tests happens on output. */
export interface GradedTest {
  readonly name: string;
  readonly score: number;
  readonly maxScore: number;
  readonly visibility: Visibility;
  readonly status: 'passed' | 'failed';
  /** Full detail, one line per case (never shown for hidden tests). */
  readonly output: string;
  /** Seconds spent on it (sandbox start included). */
  readonly seconds: number;
}

/** A rubric test that was not run, and why (e.g. a code check when no --code was given). */
export interface SkippedTest {
  readonly name: string;
  readonly reason: string;
}

/** Everything `grade` found: scored tests, skipped ones, notes about the submission (unmatched runs, isolation). */
export interface GradeReport {
  readonly assignment: string;
  readonly tests: readonly GradedTest[];
  readonly skipped: readonly SkippedTest[];
  readonly notes: readonly string[];
  readonly seconds: number;
  /** The grading seed the code checks drew their inputs from (replay a run with `grade --seed`). */
  readonly seed: number;
  /** The sandbox's isolation layers when code was run (empty otherwise); results.json records them. */
  readonly sandbox?: readonly string[];
}
