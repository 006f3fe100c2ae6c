import { createHash } from 'node:crypto';
import { gradproofVersion } from '../../experiments/gradproofVersion.js';
import type { GoldenFile } from '../../golden/GoldenFile.js';
import type { SandboxLimits, SandboxPolicy } from '../../sandbox/SandboxLimits.js';
import type { Rubric } from '../Rubric.js';
import type { GradeSettings } from './GradeMeta.js';

/**
 * Everything besides a student's hand-in that decides the grade, as recorded in each student's
 * .grade-meta.json. The rubric is hashed as validated JSON rather than as the file's bytes: a
 * library caller holds the object, not the file, and reformatting a rubric changes no grade;
 * the golden files are hashed with it because log tests are scored against their bands.
 */
export function gradeSettings(
  rubric: Rubric,
  goldens: readonly GoldenFile[],
  limits: SandboxLimits,
  seed: number,
  sandbox: SandboxPolicy = {},
): GradeSettings {
  const rubricSha256 = createHash('sha256').update(JSON.stringify(rubric)).update('\n').update(JSON.stringify(goldens)).digest('hex');
  return {
    rubricSha256,
    seed,
    gradproofVersion: gradproofVersion(),
    timeoutS: limits.timeoutMs / 1000,
    memoryMb: limits.memoryMb,
    weakSandbox: sandbox.weak === true,
  };
}

/** The resume fingerprint of one student: sha256 of the hand-in's hash and the settings (equal fingerprints, equal grades). */
export function studentFingerprint(inputSha256: string, settings: GradeSettings): string {
  return createHash('sha256')
    .update(`${inputSha256}\n${JSON.stringify(settings)}`)
    .digest('hex');
}
