import * as tf from '@tensorflow/tfjs';
import { UsageError } from '../errors/UsageError.js';
import type { Gradcheck64Target, GradcheckTarget } from './GradcheckTarget.js';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value instanceof tf.Tensor) return `a ${value.dtype} tensor of shape [${value.shape.join(', ')}]`;
  return typeof value === 'object' ? `an object with keys ${JSON.stringify(Object.keys(value as object))}` : `${typeof value} ${String(value)}`;
}

/** True when `value` looks like a GradcheckTarget (f function, params an array of tensors). */
export function isGradcheckTarget(value: unknown): value is GradcheckTarget {
  const v = value as Partial<GradcheckTarget> | null;
  return typeof v === 'object' && v !== null && typeof v.f === 'function' && Array.isArray(v.params) && v.params.every((p) => p instanceof tf.Tensor);
}

/** Throws a UsageError, naming `api` and describing what came instead, unless `value` is a usable float32 target. */
export function validateTarget(api: string, value: unknown): asserts value is GradcheckTarget {
  if (!isGradcheckTarget(value)) {
    throw new UsageError(`${api}: expected a gradcheck target { f: (params) => tf.Scalar, params: tf.Tensor[] }, got ${describe(value)}`);
  }
  if (value.params.length === 0) throw new UsageError(`${api}: target.params is empty`);
  value.params.forEach((p, i) => {
    if (p.isDisposed) throw new UsageError(`${api}: target.params[${i}] is disposed`);
    if (p.dtype !== 'float32') throw new UsageError(`${api}: target.params[${i}] must be float32, got ${p.dtype}`);
  });
  const { names, kinkAtZero, gradient } = value;
  if (names !== undefined && (!Array.isArray(names) || names.length !== value.params.length)) {
    throw new UsageError(`${api}: target.names must name all ${value.params.length} parameter tensors, got ${describe(names)}`);
  }
  if (kinkAtZero !== undefined && (!Array.isArray(kinkAtZero) || kinkAtZero.length !== value.params.length)) {
    throw new UsageError(`${api}: target.kinkAtZero must have one boolean per parameter tensor, got ${describe(kinkAtZero)}`);
  }
  if (gradient !== undefined && typeof gradient !== 'function') throw new UsageError(`${api}: target.gradient must be a function, got ${describe(gradient)}`);
}

/** The float64 counterpart of validateTarget. */
export function validateTarget64(api: string, value: unknown): asserts value is Gradcheck64Target {
  const v = value as Partial<Gradcheck64Target> | null;
  const ok = typeof v === 'object' && v !== null && typeof v.f === 'function' && v.x instanceof Float64Array &&
    (v.gradient instanceof Float64Array || typeof v.gradient === 'function');
  if (!ok) {
    throw new UsageError(`${api}: expected { f: (x: Float64Array) => number, x: Float64Array, gradient: Float64Array | (x) => Float64Array }, got ${describe(value)}`);
  }
}
