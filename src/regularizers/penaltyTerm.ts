import * as tf from '@tensorflow/tfjs';
import { l1Penalty } from './l1.js';
import { l2Penalty } from './l2.js';
import type { PenaltySpec } from './PenaltySpec.js';

/** The sum of all `specs`' penalties on `params` (a scalar 0 when there are none). */
export function penaltyTerm(specs: readonly PenaltySpec[], params: readonly tf.Tensor[]): tf.Scalar {
  return tf.tidy(() => {
    let total: tf.Scalar = tf.scalar(0);
    for (const spec of specs) {
      switch (spec.kind) {
        case 'l1':
          total = total.add(l1Penalty(params, spec.rate));
          break;
        case 'l2':
          total = total.add(l2Penalty(params, spec.rate));
          break;
        default: {
          const never: never = spec;
          throw new Error(`penaltyTerm: unknown penalty ${JSON.stringify(never)}`);
        }
      }
    }
    return total;
  });
}
