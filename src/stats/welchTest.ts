import { studentTCdf } from './studentT.js';

/** Result of a one-sided Welch test of H1: mean(a) > mean(b). */
export interface WelchResult {
  readonly t: number;
  readonly df: number;
  /** One-sided p-value for mean(a) > mean(b); NaN when it cannot be computed (n < 2 or zero spread). */
  readonly p: number;
}

/**
 * Welch's unequal-variance t test, one-sided (a > b). With zero variance in both groups the
 * test is degenerate: p is 0 when a's mean exceeds b's, 1 otherwise.
 */
export function welchTest(a: readonly number[], b: readonly number[]): WelchResult {
  const stats = (xs: readonly number[]) => {
    const n = xs.length;
    const m = xs.reduce((s, v) => s + v, 0) / n;
    const v = n > 1 ? xs.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1) : Number.NaN;
    return { n, m, v };
  };
  const A = stats(a);
  const B = stats(b);
  if (A.n < 2 || B.n < 2) return { t: Number.NaN, df: Number.NaN, p: Number.NaN };
  const se2 = A.v / A.n + B.v / B.n;
  if (se2 === 0) return { t: A.m > B.m ? Infinity : -Infinity, df: A.n + B.n - 2, p: A.m > B.m ? 0 : 1 };
  const t = (A.m - B.m) / Math.sqrt(se2);
  const df = se2 ** 2 / ((A.v / A.n) ** 2 / (A.n - 1) + (B.v / B.n) ** 2 / (B.n - 1));
  return { t, df, p: 1 - studentTCdf(t, df) };
}
