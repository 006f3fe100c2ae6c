import * as tf from '@tensorflow/tfjs';
import type { GradcheckTarget } from './GradcheckTarget.js';

/**
 * A GradcheckTarget for a loss written over tf.Variables (a model's weights): f(params) assigns
 * the params into the variables, evaluates `loss`, and puts the original values back; the
 * analytic gradient is `tf.variableGrads(loss, variables)`.
 */
export function variablesTarget(
  variables: readonly tf.Variable[],
  loss: () => tf.Scalar,
  extra: Pick<GradcheckTarget, 'names' | 'kinkAtZero'> = {},
): GradcheckTarget {
  return {
    ...extra,
    params: variables,
    f: (params) => {
      const saved: [tf.Variable, tf.Tensor][] = [];
      params.forEach((p, i) => {
        const v = variables[i]!;
        if (p === v) return;
        saved.push([v, tf.clone(v)]);
        v.assign(p);
      });
      try {
        // tfjs runs eagerly: the value is computed here, before the variables are restored.
        return loss();
      } finally {
        for (const [v, old] of saved) {
          v.assign(old);
          old.dispose();
        }
      }
    },
    gradient: () => {
      const { value, grads } = tf.variableGrads(loss, [...variables]);
      value.dispose();
      return variables.map((v) => grads[v.name]!);
    },
  };
}
