import type * as tf from '@tensorflow/tfjs';

/** Hidden layers start…end−1 of a net, as a half-open range. */
export interface LayerRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The longest run of consecutive hidden layers for the hiddenStack operation: layers without a
 * dropout mask (a mask sits between a layer and the next). `hidden` counts the net's hidden
 * layers. Undefined when every layer has a mask; of equally long runs, the one nearest the input.
 */
export function hiddenRun(hidden: number, masks?: readonly (tf.Tensor | undefined)[]): LayerRange | undefined {
  let best: LayerRange | undefined;
  let start = 0;
  for (let i = 0; i <= hidden; i++) {
    if (i < hidden && masks?.[i] === undefined) continue;
    if (i > start && i - start > (best ? best.end - best.start : 0)) best = { start, end: i };
    start = i + 1;
  }
  return best;
}
