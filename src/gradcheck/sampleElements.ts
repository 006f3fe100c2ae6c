import { createRng } from '../random/Rng.js';

/**
 * Indices of at most `count` elements of a tensor, in increasing order: all of them when
 * count ≥ n (or count is null), else the ⌈count/2⌉ largest |grad_i| (where an error of a given
 * relative size is largest) and the rest a seeded random sample (stream `gradcheck/elements/<t>`).
 */
export function sampleElements(seed: number, t: number, grad: Float32Array, count: number | null): number[] {
  const n = grad.length;
  if (count === null || count >= n) return Array.from({ length: n }, (_, i) => i);
  const top = Math.ceil(count / 2);
  const largest: number[] = [];
  for (let i = 0; i < n; i++) {
    if (largest.length < top) largest.push(i);
    else if (Math.abs(grad[i]!) > Math.abs(grad[largest[top - 1]!]!)) largest[top - 1] = i;
    else continue;
    largest.sort((a, b) => Math.abs(grad[b]!) - Math.abs(grad[a]!) || a - b);
  }
  const chosen = new Set(largest);
  const rng = createRng(seed, `gradcheck/elements/${t}`);
  while (chosen.size < count) chosen.add(rng.int(n));
  return [...chosen].sort((a, b) => a - b);
}
