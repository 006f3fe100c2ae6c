import * as tf from '@tensorflow/tfjs';
import type { GradcheckTarget } from './GradcheckTarget';

/** f with some parameter tensors replaced by new values (tensor index → values); read back as a number. */
export type Evaluator = (replaced: ReadonlyMap<number, Float32Array>) => number;

/** An Evaluator for `target`: builds the replaced tensors, calls f in tf.tidy, frees everything. */
export function evaluateAt(target: GradcheckTarget): Evaluator {
  return (replaced) =>
    tf.tidy(() => {
      const params = target.params.map((p, i) => {
        const values = replaced.get(i);
        return values === undefined ? p : tf.tensor(values, p.shape, 'float32');
      });
      const value = target.f(params);
      return value.dataSync()[0]!;
    });
}
