import type { ExpectStatic } from 'vitest';
import { toMatchNumericGradient } from './toMatchNumericGradient';
import { toPassGradcheck } from './toPassGradcheck';
import { toShowVanishingGradients } from './toShowVanishingGradients';
import { toHaveHealthyGradients } from './toHaveHealthyGradients';
import { toMatchGolden } from './toMatchGolden';
import { toBeReproducible } from './toBeReproducible';

export type { GradproofMatchers } from './GradproofMatchers';

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
};

/** Registers gradproofMatchers on vitest's `expect` (or the one given). */
export function registerMatchers(expect: ExpectStatic): void {
  expect.extend(gradproofMatchers);
}
