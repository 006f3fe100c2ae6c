import type { GoldenFile } from '../../golden/GoldenFile.js';
import type { SandboxLimits, SandboxPolicy } from '../../sandbox/SandboxLimits.js';
import type { Rubric } from '../Rubric.js';
import type { Shard } from './Shard.js';

/** A class to grade: see gradeClass. */
export interface GradeClassOptions {
  /** The class folder: one file or folder per student. */
  readonly submissions: string;
  /** Where OUTDIR/<id>/results.json and the gradebook go (not inside `submissions`). */
  readonly outDir: string;
  readonly rubric: Rubric;
  readonly goldens: readonly GoldenFile[];
  /** Each student's code-test budget and memory cap. */
  readonly limits?: Partial<SandboxLimits>;
  /** The strict sandbox (default) or, where staff ask for it, the weak one; recorded in each student's settings. */
  readonly sandbox?: SandboxPolicy;
  /** Students graded at once (default: os.availableParallelism()). */
  readonly jobs?: number;
  /** Grade only this part of the class (default: all of it). */
  readonly shard?: Shard;
  /** One seed for the class's drawn inputs; required with a shard of n > 1 (see resolveClassSeed for the default). */
  readonly seed?: number;
  /** Also write JUnit XML under this file name beside each results.json. */
  readonly junitFile?: string;
  /** Progress, one line per finished student and a summary (default: none). */
  readonly log?: (line: string) => void;
}
