import * as tf from '@tensorflow/tfjs';
import { UsageError } from '../errors/UsageError.js';
import type { GradcheckTarget } from './GradcheckTarget.js';

/** ∇f(θ) of a target as float32 arrays: its own `gradient`, else autodiff of f. Frees the tensors. */
export function analyticGradient(api: string, target: GradcheckTarget): Float32Array[] {
  const grads = target.gradient ? target.gradient() : tf.grads((...ps: tf.Tensor[]) => target.f(ps))([...target.params]);
  try {
    if (!Array.isArray(grads) || grads.length !== target.params.length) {
      throw new UsageError(`${api}: target.gradient() must return ${target.params.length} tensors, got ${Array.isArray(grads) ? grads.length : typeof grads}`);
    }
    return grads.map((g, i) => {
      const p = target.params[i]!;
      if (!(g instanceof tf.Tensor) || !tf.util.arraysEqual(g.shape, p.shape)) {
        throw new UsageError(`${api}: gradient ${i} must have shape [${p.shape.join(', ')}], got ${g instanceof tf.Tensor ? `[${g.shape.join(', ')}]` : typeof g}`);
      }
      return Float32Array.from(g.dataSync());
    });
  } finally {
    if (Array.isArray(grads)) tf.dispose(grads.filter((g) => g instanceof tf.Tensor && !target.params.includes(g)));
  }
}
