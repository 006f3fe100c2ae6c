import { checkGradients64 } from '../../gradcheck/checkGradients64.js';
import type { GradcheckReport } from '../../gradcheck/GradcheckReport.js';

/** Evaluates f at each point (in the sandbox); NaN for a point the submission could not answer. */
export type BatchEvaluate = (points: readonly Float64Array[]) => Promise<number[]>;

const MAX_ROUNDS = 8;

/**
 * checkGradients64 (central differences in float64, h = 1e-6·max(1, |x_i|), rtol 1e-6) on an f
 * that lives in another process. The checker is synchronous, so it is replayed: each round it
 * runs on the values known so far, unknown points read as NaN and are collected, then evaluated
 * together in one batch; the check is deterministic, so it converges once no point is unknown
 * (a kink retry at a smaller step adds a round). f's points are never chosen by the submission.
 */
export async function remoteGradcheck(
  evaluate: BatchEvaluate,
  x: Float64Array,
  gradient: Float64Array,
  kinkAtZero: boolean,
): Promise<GradcheckReport> {
  const known = new Map<string, number>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const missing = new Map<string, Float64Array>();
    const f = (p: Float64Array): number => {
      const key = Array.from(p).join(',');
      const v = known.get(key);
      if (v !== undefined) return v;
      missing.set(key, Float64Array.from(p));
      return NaN;
    };
    const report = checkGradients64({ f, x, gradient, kinkAtZero });
    if (missing.size === 0) return report;
    const keys = [...missing.keys()];
    const values = await evaluate([...missing.values()]);
    keys.forEach((k, i) => known.set(k, values[i] ?? NaN));
  }
  throw new Error(`remoteGradcheck: no convergence after ${MAX_ROUNDS} rounds`);
}
