import type { RegularizerApi } from './RegularizerApi.js';

/** A plausible wrong implementation of one function, and what to tell a student whose answers match it. */
export interface KnownMistake<F> {
  readonly hint: string;
  readonly answer: F;
}

const sum = (p: readonly number[][], f: (v: number) => number): number => p.flat().reduce((s, v) => s + f(v), 0);
const each = (p: readonly number[][], f: (v: number) => number): number[][] => p.map((row) => row.map(f));

/**
 * Mistakes real submissions make, per function. Only used to explain a case that already failed
 * against the reference: a reply matching one of these (within VALUE_TOL) gets its hint.
 */
export const KNOWN_MISTAKES: { readonly [K in keyof RegularizerApi]: readonly KnownMistake<RegularizerApi[K]>[] } = {
  l1: [
    { hint: 'the signed sum: l1 is rate·Σ|θ|', answer: (p, r) => r * sum(p, (v) => v) },
    { hint: 'the rate is not applied', answer: (p) => sum(p, Math.abs) },
    { hint: 'the mean, not the sum, of |θ|', answer: (p, r) => (r * sum(p, Math.abs)) / Math.max(1, p.flat().length) },
  ],
  l1Grad: [
    { hint: 'the negative of the expected gradient: the sign is flipped', answer: (p, r) => each(p, (v) => -r * Math.sign(v)) },
    { hint: 'the rate is not applied', answer: (p) => each(p, Math.sign) },
    { hint: "l1Grad must be 0 where θ = 0, PyTorch's subgradient", answer: (p, r) => each(p, (v) => (v >= 0 ? r : -r)) },
    { hint: "l1Grad must be 0 where θ = 0, PyTorch's subgradient", answer: (p, r) => each(p, (v) => (v > 0 ? r : -r)) },
  ],
  l2: [
    { hint: 'half the expected value: the report’s L2 has no ½', answer: (p, r) => 0.5 * r * sum(p, (v) => v * v) },
    { hint: 'the rate is not applied', answer: (p) => sum(p, (v) => v * v) },
    { hint: 'the norm, not the squared norm: l2 is rate·Σθ²', answer: (p, r) => r * Math.sqrt(sum(p, (v) => v * v)) },
  ],
  l2Grad: [
    { hint: 'half the expected gradient: the report’s L2 has no ½, so its gradient is 2·rate·θ', answer: (p, r) => each(p, (v) => r * v) },
    { hint: 'the negative of the expected gradient: the sign is flipped', answer: (p, r) => each(p, (v) => -2 * r * v) },
    { hint: 'the rate is not applied', answer: (p) => each(p, (v) => 2 * v) },
  ],
  dropout: [
    {
      hint: 'kept elements are not rescaled: inverted dropout divides them by 1 − p',
      answer: (x, p, u) => x.map((v, i) => (u[i]! < p ? 0 : v)),
    },
    {
      hint: 'kept elements are multiplied by 1 − p: inverted dropout divides them by 1 − p',
      answer: (x, p, u) => x.map((v, i) => (u[i]! < p ? 0 : v * (1 - p))),
    },
    {
      hint: 'the mask is inverted: an element is dropped when its draw is below p',
      answer: (x, p, u) => x.map((v, i) => (u[i]! >= p ? 0 : v / (1 - p))),
    },
    {
      hint: 'drops elements whose draw is ≥ 1 − p: element i is dropped when its own draw is below p',
      answer: (x, p, u) => x.map((v, i) => (u[i]! >= 1 - p ? 0 : v / (1 - p))),
    },
    {
      hint: 'a draw equal to p must keep its element (dropped only when u < p)',
      answer: (x, p, u) => x.map((v, i) => (u[i]! <= p ? 0 : v / (1 - p))),
    },
  ],
};
