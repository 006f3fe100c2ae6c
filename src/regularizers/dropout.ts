import * as tf from '@tensorflow/tfjs';
import { UsageError } from '../errors/UsageError.js';
import type { Rng } from '../random/Rng.js';

/** Inverted dropout, written from scratch: a serialisable spec. */
export interface DropoutSpec {
  readonly kind: 'dropout';
  /** Probability of zeroing a unit, in [0, 1). */
  readonly rate: number;
}

/** Throws a UsageError unless `rate` is a probability in [0, 1). */
export function checkDropoutRate(rate: number, api = 'dropout'): void {
  if (!(typeof rate === 'number' && rate >= 0 && rate < 1)) {
    throw new UsageError(`${api}: rate must be in [0, 1), got ${String(rate)}`);
  }
}

/**
 * Draws an inverted-dropout mask of `size` elements: each is 0 with probability p, else 1/(1−p),
 * so E[mask·x] = x and evaluation needs no rescaling. Draw i decides element i (row-major).
 */
export function dropoutMask(rng: Rng, size: number, rate: number): Float32Array {
  checkDropoutRate(rate, 'dropoutMask');
  const mask = new Float32Array(size);
  const keep = 1 / (1 - rate);
  for (let i = 0; i < size; i++) mask[i] = rng.next() < rate ? 0 : keep;
  return mask;
}

/**
 * y = x ⊙ mask in training; y = x in evaluation (mask undefined). The mask is an input, not
 * drawn here, so a gradient check can hold it fixed across perturbed evaluations.
 */
export function applyDropout(x: tf.Tensor2D, mask: tf.Tensor | undefined): tf.Tensor2D {
  return mask === undefined ? x : (x.mul(mask) as tf.Tensor2D);
}
