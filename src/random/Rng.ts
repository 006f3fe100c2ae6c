import seedrandom from 'seedrandom';
import { UsageError } from '../errors/UsageError.js';

/**
 * A seeded random stream. Every random draw in gradproof (initialisation, splits, shuffles,
 * dropout masks, gradcheck directions) comes from one of these, derived from the run's seed
 * by a stream name, so adding a draw to one stream never shifts another.
 */
export interface Rng {
  /** The seed and stream this generator was made from, for reports. */
  readonly label: string;
  /** Uniform in [0, 1), 53-bit resolution. */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** A fresh random permutation of 0…n−1 (Fisher–Yates). */
  permutation(n: number): Uint32Array;
  /** Fills `out` with uniform draws in [lo, hi). */
  fillUniform(out: Float32Array | Float64Array, lo: number, hi: number): void;
  /** A standard normal draw (Box–Muller; deterministic pairing). */
  normal(): number;
  /** A child stream, independent of this one's state. */
  derive(stream: string): Rng;
}

/**
 * `createRng(seed, stream)`: the generator for `stream` under run seed `seed`.
 * Uses seedrandom's Alea, seeded by the string `gradproof/<seed>/<stream>`.
 */
export function createRng(seed: number, stream: string): Rng {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new UsageError(`createRng: seed must be a non-negative integer, got ${String(seed)}`);
  }
  return makeRng(`${seed}/${stream}`);
}

function makeRng(label: string): Rng {
  const prng = seedrandom.alea(`gradproof/${label}`);
  let spare: number | undefined;
  const next = (): number => prng.double();
  const rng: Rng = {
    label,
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int(n) {
      if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`Rng.int: n must be a positive integer, got ${n}`);
      return Math.floor(next() * n);
    },
    permutation(n) {
      const p = new Uint32Array(n);
      for (let i = 0; i < n; i++) p[i] = i;
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const t = p[i]!;
        p[i] = p[j]!;
        p[j] = t;
      }
      return p;
    },
    fillUniform(out, lo, hi) {
      const w = hi - lo;
      for (let i = 0; i < out.length; i++) out[i] = lo + w * next();
    },
    normal() {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    derive: (stream) => makeRng(`${label}/${stream}`),
  };
  return rng;
}
