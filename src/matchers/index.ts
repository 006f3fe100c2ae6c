import type { ExpectStatic } from 'vitest';
import { toMatchNumericGradient } from './toMatchNumericGradient.js';
import { toPassGradcheck } from './toPassGradcheck.js';
import { toShowVanishingGradients } from './toShowVanishingGradients.js';
import { toHaveHealthyGradients } from './toHaveHealthyGradients.js';
import { toMatchGolden } from './toMatchGolden.js';
import { toBeReproducible } from './toBeReproducible.js';
import { toBeExplainedBy } from './toBeExplainedBy.js';

export type { GradproofMatchers } from './GradproofMatchers.js';

/**
 * Every gradproof matcher, for `expect.extend(gradproofMatchers)`. One entry per matcher file;
 * add new matchers here (and their signatures to GradproofMatchers.ts).
 */
export const gradproofMatchers = {
  toPassGradcheck,
  toMatchNumericGradient,
  toShowVanishingGradients,
  toHaveHealthyGradients,
  toMatchGolden,
  toBeReproducible,
  toBeExplainedBy,
};

/** Registers gradproofMatchers on vitest's `expect` (or the one given). */
export function registerMatchers(expect: ExpectStatic): void {
  expect.extend(gradproofMatchers);
}
