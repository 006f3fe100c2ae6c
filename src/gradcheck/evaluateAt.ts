import * as tf from '@tensorflow/tfjs';
import type { GradcheckTarget } from './GradcheckTarget.js';

/** f with some parameter tensors replaced by new values (tensor index → values); read back as a number. */
export type Evaluator = (replaced: ReadonlyMap<number, Float32Array>) => number;

/**
 * Whether any of `points` moves a kink quantity that is exactly 0 at θ (a ReLU input at 0): there
 * f has no derivative, and shrinking the step never helps. Kinks merely near θ are left to the
 * one-sided test; in a large ReLU net every direction crosses a few, and counting those as kinks
 * would excuse real bugs. False when the target has no kinkPattern.
 */
export type KinkTest = (points: readonly ReadonlyMap<number, Float32Array>[]) => boolean;

/** A KinkTest for `target` from its `kinkPattern`. */
export function kinkTestFor(target: GradcheckTarget): KinkTest {
  const pattern = target.kinkPattern;
  if (!pattern) return () => false;
  let base: Int8Array | undefined;
  const at = (replaced: ReadonlyMap<number, Float32Array>): Int8Array => {
    const made = new Map([...replaced].map(([i, v]) => [i, tf.tensor(v, target.params[i]!.shape, 'float32')]));
    try {
      return pattern(target.params.map((p, i) => made.get(i) ?? p));
    } finally {
      tf.dispose([...made.values()]);
    }
  };
  return (points) => {
    base ??= at(new Map());
    return points.some((pt) => {
      const s = at(pt);
      return s.some((v, i) => base![i] === 0 && v !== 0);
    });
  };
}

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
