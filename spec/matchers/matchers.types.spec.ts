import * as tf from '@tensorflow/tfjs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { gradproofMatchers, registerMatchers, type GradproofMatchers } from '../../src/matchers/index';

registerMatchers(expect);

describe('matcher types (checked by tsc)', () => {
  it('declares each matcher once on vitest\'s Matchers', () => {
    expectTypeOf(expect(0).toPassGradcheck).toBeFunction();
    expectTypeOf(expect(0).toPassGradcheck).parameter(0).toEqualTypeOf<Parameters<GradproofMatchers['toPassGradcheck']>[0]>();
    expectTypeOf(registerMatchers).parameter(0).toEqualTypeOf<typeof expect>();
    expect(Object.keys(gradproofMatchers).sort()).toEqual([
      'toBeExplainedBy', 'toBeReproducible', 'toHaveHealthyGradients', 'toMatchGolden', 'toMatchNumericGradient', 'toPassGradcheck', 'toShowVanishingGradients',
    ]);
    expectTypeOf(expect(0).toShowVanishingGradients).parameter(0).toEqualTypeOf<Parameters<GradproofMatchers['toShowVanishingGradients']>[0]>();
    expectTypeOf(expect(0).toMatchGolden).parameter(0).toBeString();
    expectTypeOf(expect(0).toBeExplainedBy).parameter(0).toEqualTypeOf<Parameters<GradproofMatchers['toBeExplainedBy']>[0]>();
    // @ts-expect-error a hypothesis is an object, not its id
    const idMisuse = () => expect({ reported: [], runs: [] }).toBeExplainedBy('fresh');
    expectTypeOf(idMisuse).toBeFunction();
    // Misuse: a float64 function with tensor points has no overload.
    // @ts-expect-error f takes a Float64Array, `at` is tensors
    const misuse = () => expect(new Float64Array(1)).toMatchNumericGradient((x: Float64Array) => x[0]!, [tf.scalar(1)]);
    expectTypeOf(misuse).toBeFunction();
  });
});
