import type { Rng } from '../../random/Rng.js';

/** Parameters as the interface takes them: one row per tensor. */
export type Rows = number[][];

/**
 * A non-zero value of either sign (or of the sign asked), magnitude log-uniform in [1e-3, 10):
 * continuous draws, so no grading input ever equals a number a student has seen in a label.
 */
export function drawValue(rng: Rng, sign: 'mixed' | 'negative' = 'mixed'): number {
  const magnitude = 10 ** rng.uniform(-3, 1);
  return sign === 'negative' || rng.next() < 0.5 ? -magnitude : magnitude;
}

/**
 * Rows of the given lengths drawn by `drawValue`. With `zeros`, that share of the elements
 * (at least one, and never all of them) is set to exactly 0, at seeded places.
 */
export function drawParams(rng: Rng, shape: readonly number[], opts: { sign?: 'mixed' | 'negative'; zeros?: number } = {}): Rows {
  const rows = shape.map((n) => Array.from({ length: n }, () => drawValue(rng, opts.sign)));
  const total = shape.reduce((a, b) => a + b, 0);
  if (opts.zeros !== undefined && total > 1) {
    const count = Math.min(total - 1, Math.max(1, Math.round(opts.zeros * total)));
    const where = rng.permutation(total).subarray(0, count);
    const flat = rows.flatMap((row, r) => row.map((_, c) => [r, c] as const));
    for (const k of where) rows[flat[k]![0]]![flat[k]![1]] = 0;
  }
  return rows;
}

/** `count` row lengths in [lo, hi]. */
export function drawShape(rng: Rng, count: number, lo: number, hi: number): number[] {
  return Array.from({ length: count }, () => lo + rng.int(hi - lo + 1));
}

/** A penalty rate: typical (0.01 to 2), near 0 (1e-6 to 1e-3) or large (10 to 1000), log-uniform. */
export function drawRate(rng: Rng, size: 'typical' | 'small' | 'large'): number {
  const [lo, hi] = size === 'small' ? [-6, -3] : size === 'large' ? [1, 3] : [-2, Math.log10(2)];
  return 10 ** rng.uniform(lo, hi);
}

/** A dropout rate: typical (0.1 to 0.7), near 0 (1e-4 to 1e-2, log-uniform) or large (0.9 to 0.99). */
export function drawDropoutRate(rng: Rng, size: 'typical' | 'small' | 'large'): number {
  if (size === 'small') return 10 ** rng.uniform(-4, -2);
  return size === 'large' ? rng.uniform(0.9, 0.99) : rng.uniform(0.1, 0.7);
}

/** One dropout call's arguments. */
export interface DropoutInput {
  readonly x: number[];
  readonly rate: number;
  readonly uniforms: number[];
}

/**
 * `n` ≥ 3 non-zero inputs and their draws at `rate`, arranged so the answer is never trivial:
 * at least one element is dropped (a draw of exactly 0, one just below p) and at least one kept (a
 * draw above p); the rest are uniform. (A draw of exactly p is left to the case about it.)
 */
export function drawDropoutInput(rng: Rng, n: number, rate: number, sign: 'mixed' | 'negative' = 'mixed'): DropoutInput {
  const x = Array.from({ length: n }, () => drawValue(rng, sign));
  const uniforms = Array.from({ length: n }, () => rng.next());
  const edges = [0, rate * (1 - 1e-12), rate + (1 - rate) * (0.01 + 0.99 * rng.next())];
  const where = rng.permutation(n);
  edges.forEach((u, k) => (uniforms[where[k]!] = u));
  return { x, rate, uniforms };
}
