import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../src/random/Rng';

/** One matmul to run on two backends; `fused` cases go through tf.fused.matMul. */
export interface MatMulCase {
  readonly aShape: number[];
  readonly bShape: number[];
  readonly transposeA: boolean;
  readonly transposeB: boolean;
  readonly fused?: { readonly biasShape?: number[]; readonly activation: tf.fused.Activation };
}

/** Seeded inputs for a case, values uniform in [-1, 1). */
export interface CaseData {
  readonly a: Float32Array;
  readonly b: Float32Array;
  readonly bias?: Float32Array;
  readonly prelu?: Float32Array;
}

export const SIZES = [1, 3, 17, 130] as const;
export const TRANSPOSES = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
] as const;

/** Unit roundoff of float32 (2^-24). */
export const U32 = 2 ** -24;

export function label(c: MatMulCase): string {
  const f = c.fused ? ` fused(${c.fused.activation}, bias ${JSON.stringify(c.fused.biasShape ?? null)})` : '';
  return `a${JSON.stringify(c.aShape)}${c.transposeA ? 'ᵀ' : ''} · b${JSON.stringify(c.bShape)}${c.transposeB ? 'ᵀ' : ''}${f}`;
}

/** Shapes for op(a) = [...batch, m, k] and op(b) = [...batch, k, n] under the case's transposes. */
export function shapesFor(batchA: number[], batchB: number[], m: number, k: number, n: number, tA: boolean, tB: boolean) {
  return { aShape: [...batchA, ...(tA ? [k, m] : [m, k])], bShape: [...batchB, ...(tB ? [n, k] : [k, n])] };
}

export function caseData(c: MatMulCase, seed: number): CaseData {
  const rng = createRng(seed, label(c));
  const fill = (shape: number[]) => {
    const out = new Float32Array(shape.reduce((p, d) => p * d, 1));
    rng.fillUniform(out, -1, 1);
    return out;
  };
  const n = c.transposeB ? c.bShape[c.bShape.length - 2]! : c.bShape[c.bShape.length - 1]!;
  return {
    a: fill(c.aShape),
    b: fill(c.bShape),
    bias: c.fused?.biasShape ? fill(c.fused.biasShape) : undefined,
    prelu: c.fused?.activation === 'prelu' ? fill([n]) : undefined,
  };
}

/**
 * Values of tensors made in `f`, which is run in a tidy. Never return a typed array from
 * tf.tidy itself: tidy walks its result element by element (1.5M floats take ~5 s).
 */
export function readTidy(f: () => tf.Tensor | tf.Tensor[]): Float32Array[] {
  const kept = tf.tidy(f);
  const list = Array.isArray(kept) ? kept : [kept];
  const values = list.map((t) => t.dataSync() as Float32Array);
  tf.dispose(list);
  return values;
}

/** The case's product on the active backend. */
export function runCase(c: MatMulCase, d: CaseData): Float32Array {
  return readTidy(() => {
    const a = tf.tensor(d.a, c.aShape);
    const b = tf.tensor(d.b, c.bShape);
    if (!c.fused) return tf.matMul(a, b, c.transposeA, c.transposeB);
    const bias = d.bias && c.fused.biasShape ? tf.tensor(d.bias, c.fused.biasShape) : undefined;
    const preluActivationWeights = d.prelu ? tf.tensor(d.prelu, [d.prelu.length]) : undefined;
    return tf.fused.matMul({
      a,
      b,
      transposeA: c.transposeA,
      transposeB: c.transposeB,
      bias,
      activation: c.fused.activation,
      preluActivationWeights,
    });
  })[0]!;
}

/**
 * Per-element float32 error budget for comparing two backends: each computes a length-k dot
 * product with error ≤ k·u·Σ|aᵢbᵢ| (any summation order), plus one rounding for the bias, so
 * |x − y| ≤ 2·(k + 1)·u·(|A|·|B| + |bias|) + 1e-6 (the absolute term covers the activations'
 * own ulp-level differences). Computed on the active backend (use cpu).
 */
export function errorBudget(c: MatMulCase, d: CaseData): Float32Array {
  const k = c.transposeA ? c.aShape[c.aShape.length - 2]! : c.aShape[c.aShape.length - 1]!;
  return readTidy(() => {
    let absProduct = tf.matMul(tf.abs(tf.tensor(d.a, c.aShape)), tf.abs(tf.tensor(d.b, c.bShape)), c.transposeA, c.transposeB);
    if (d.bias && c.fused?.biasShape) absProduct = tf.add(absProduct, tf.abs(tf.tensor(d.bias, c.fused.biasShape)));
    return tf.add(tf.mul(absProduct, 2 * (k + 1) * U32), 1e-6);
  })[0]!;
}

/** Indices where |x − y| exceeds the budget, with the values, for a readable failure. */
export function violations(x: Float32Array, y: Float32Array, budget: Float32Array): string[] {
  const out: string[] = [];
  if (x.length !== y.length) return [`length ${x.length} vs ${y.length}`];
  for (let i = 0; i < x.length && out.length < 3; i++) {
    if (!(Math.abs(x[i]! - y[i]!) <= budget[i]!)) out.push(`[${i}] ${x[i]} vs ${y[i]} (budget ${budget[i]})`);
  }
  return out;
}
