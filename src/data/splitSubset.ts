import { UsageError } from '../errors/UsageError.js';
import type { Rng } from '../random/Rng.js';
import type { Subset } from './Subset.js';

/**
 * Splits `subset` at random into a first part of ⌊(1 − valFraction)·n⌋ examples and the rest,
 * like torch.utils.data.random_split: one permutation from `rng`, cut at the boundary.
 */
export function splitSubset(subset: Subset, valFraction: number, rng: Rng): { train: Subset; val: Subset } {
  if (!(valFraction > 0 && valFraction < 1)) {
    throw new UsageError(`splitSubset: valFraction must be in (0, 1), got ${String(valFraction)}`);
  }
  const n = subset.indices.length;
  const perm = rng.permutation(n);
  const cut = Math.floor((1 - valFraction) * n);
  const pick = (from: number, to: number): Uint32Array => {
    const out = new Uint32Array(to - from);
    for (let i = from; i < to; i++) out[i - from] = subset.indices[perm[i]!]!;
    return out;
  };
  return { train: { data: subset.data, indices: pick(0, cut) }, val: { data: subset.data, indices: pick(cut, n) } };
}
