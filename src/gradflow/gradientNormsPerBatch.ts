import * as tf from '@tensorflow/tfjs';
import { describeValue } from '../errors/describeValue.js';
import { UsageError } from '../errors/UsageError.js';

/** Per batch: the loss and each variable's gradient norm. */
export interface BatchGradientNorms {
  readonly loss: number;
  /** ‖∂L/∂v‖₂ per variable, in the order given (0 for a variable the loss does not depend on). */
  readonly norms: number[];
}

/**
 * For each batch b, L_b = loss(b) and ‖∂L_b/∂v‖₂ for every variable v (tf.variableGrads, one
 * read-back per batch; nothing kept). The norm is taken as m·√Σ(g/m)² with m = max|g|, so that
 * tiny vanished gradients do not underflow to 0 in float32 (plain √Σg² does below |g| ≈ 1e-19).
 * A loss that is not a scalar tensor is a UsageError naming `api` and the batch.
 */
export function gradientNormsPerBatch<B>(
  api: string,
  variables: readonly tf.Variable[],
  loss: (batch: B, index: number) => tf.Scalar,
  batches: readonly B[],
): BatchGradientNorms[] {
  return batches.map((batch, b) => {
    const packed = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => {
        const l: unknown = loss(batch, b);
        if (!(l instanceof tf.Tensor) || l.rank !== 0) throw new UsageError(`${api}: the loss of batch ${b} must be a scalar tensor, got ${describeValue(l)}`);
        return l as tf.Scalar;
      }, [...variables]);
      const norms = variables.map((v) => {
        const g = grads[v.name];
        if (!g) return tf.scalar(0);
        const m = tf.max(tf.abs(g));
        const safe = tf.where(tf.greater(m, 0), m, tf.onesLike(m));
        return tf.mul(m, tf.sqrt(tf.sum(tf.square(tf.div(g, safe)))));
      });
      return tf.stack([value, ...norms]);
    });
    const [value, ...norms] = Array.from(packed.dataSync());
    packed.dispose();
    return { loss: value!, norms };
  });
}
