/* Generated from schema/grade-meta.schema.json by `npm run gen:types`. Do not edit. */

export type Sha256 = string;

/**
 * What `gradproof grade --submissions` keeps beside a student's results.json (OUTDIR/<id>/.grade-meta.json), written after it: the fingerprint that lets a rerun skip the student, the settings that a merge of several output folders must find equal, and the gradebook's status and note.
 */
export interface GradeMeta {
  schemaVersion: 1;
  /**
   * The student id (the folder's name).
   */
  id: string;
  /**
   * ok: graded (whatever the score); failed-to-grade: the hand-in could not be graded at all (results.json gives every test 0 with the reason).
   */
  status: 'ok' | 'failed-to-grade';
  /**
   * One line for the gradebook: what was graded, or why grading failed.
   */
  note: string;
  /**
   * sha256 of inputSha256 and the settings; a rerun skips the student when it matches. Null when the input could not be read.
   */
  fingerprint: Sha256 | null;
  /**
   * sha256 over the relative path, length and bytes of every file graded. Null when the input could not be read.
   */
  inputSha256: Sha256 | null;
  settings: GradeSettings;
  /**
   * The rubric's tests in order (the gradebook's columns); the maximum score is the sum of their points.
   *
   * @minItems 1
   */
  rubricTests: {
    name: string;
    points: number;
  }[];
  shard: ShardOfClass;
  /**
   * The whole class (every shard): a merge checks that its folders came from one class and that none is missing.
   */
  class: {
    size: number;
    /**
     * sha256 of the sorted student ids, one per line.
     */
    idsSha256: string;
  };
  /**
   * Wall time spent grading this student.
   */
  seconds: number;
}
/**
 * Everything besides the hand-in that decides a grade: equal settings give equal grades.
 */
export interface GradeSettings {
  /**
   * sha256 of the validated rubric and the golden files loaded with it.
   */
  rubricSha256: string;
  /**
   * The seed the grader's inputs are drawn from (one for the whole class).
   */
  seed: number;
  gradproofVersion: string;
  /**
   * The code tests' wall-clock budget per student.
   */
  timeoutS: number;
  memoryMb: number;
  /**
   * Whether staff asked for the weak sandbox (--weak-sandbox) instead of the strict one.
   */
  weakSandbox: boolean;
}
/**
 * Which shard (k of n) graded the student; 1 of 1 without --shard.
 */
export interface ShardOfClass {
  k: number;
  n: number;
}
