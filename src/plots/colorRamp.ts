import { UsageError } from '../errors/UsageError.js';

// Viridis anchors, cut before its bright yellow end, which is unreadable as a thin line on white.
const ANCHORS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [65, 68, 135],
  [42, 120, 142],
  [34, 168, 132],
  [122, 209, 81],
  [189, 223, 38],
];

/**
 * `n` colours evenly spaced along a perceptually ordered ramp (dark purple → yellow-green), so
 * ordered things such as layers from the input side read as an ordered sequence.
 */
export function colorRamp(n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`colorRamp: n must be a non-negative integer, got ${n}`);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = n === 1 ? 0 : i / (n - 1);
    const pos = t * (ANCHORS.length - 1);
    const k = Math.min(Math.floor(pos), ANCHORS.length - 2);
    const f = pos - k;
    const [a, b] = [ANCHORS[k]!, ANCHORS[k + 1]!];
    const rgb = a.map((v, j) => Math.round(v + (b[j]! - v) * f));
    out.push('#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join(''));
  }
  return out;
}
