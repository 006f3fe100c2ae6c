import type * as tf from '@tensorflow/tfjs';
import { NARROW_STACK_MAX_WIDTH } from '../ops/narrowStack.js';

/** Hidden layers start…end−1 of a net, as a half-open range. */
export interface LayerRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The longest run of consecutive hidden layers for the narrowStack operation: square layers
 * (fan-in = fan-out) no wider than NARROW_STACK_MAX_WIDTH, none with a dropout mask. `widths` is
 * [input, ...hidden], so hidden layer i maps widths[i] → widths[i + 1]. Undefined when no run
 * holds two layers; of equally long runs, the one nearest the input.
 */
export function narrowRun(widths: readonly number[], masks?: readonly (tf.Tensor | undefined)[]): LayerRange | undefined {
  const fits = (i: number): boolean => widths[i] === widths[i + 1] && widths[i]! <= NARROW_STACK_MAX_WIDTH && masks?.[i] === undefined;
  let best: LayerRange | undefined;
  let start = 0;
  for (let i = 0; i < widths.length; i++) {
    if (i + 1 < widths.length && fits(i)) continue;
    if (i - start >= 2 && i - start > (best ? best.end - best.start : 0)) best = { start, end: i };
    start = i + 1;
  }
  return best;
}
