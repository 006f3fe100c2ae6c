import type * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/Dataset.js';
import type { AdamStepScalars } from './AdamStepScalars.js';

/**
 * The fast operations an accelerator may provide that are not tfjs kernels (see
 * installAccelerator). Each returns undefined or false when it does not take the call, and the
 * core then runs the operation's plain tfjs reference, which it must match bit for bit.
 */
export interface AcceleratorHooks {
  /**
   * One Adam step done in place on p, m and v (no new buffers). True when done; false (touching
   * nothing) hands the step to the GradproofAdam kernel or the reference (see adamStep).
   */
  readonly adamInPlace?: (p: tf.Variable, g: tf.Tensor, m: tf.Variable, v: tf.Variable, scalars: AdamStepScalars) => boolean;
  /**
   * The normalised input of `examples` (rows × C·H·W) as a tensor on the active backend, written
   * without an intermediate array; undefined hands it to the reference (see batchInput).
   */
  readonly batchInput?: (data: Dataset, examples: Uint32Array) => tf.Tensor2D | undefined;
}
