import type { RegularizerApi } from './RegularizerApi.js';

/**
 * Σ f(θ) over every element of every row, with Neumaier's compensated summation, so the
 * reference is accurate to about one rounding whatever the number of terms (a submission summing
 * naively, in any order, is then held to the exact sum, not to another rounding of it).
 * Exactness is the point here, so this is our own code rather than a library's.
 */
function sumOver(params: readonly (readonly number[])[], f: (v: number) => number): number {
  let sum = 0;
  let compensation = 0;
  for (const row of params) {
    for (const v of row) {
      const term = f(v);
      const t = sum + term;
      compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
    }
  }
  return sum + compensation;
}

/**
 * gradproof's own regularisers in plain float64 numbers: what every `grade --code` check holds a
 * submission to (see RegularizerApi for the interface). Each penalty sits beside its gradient:
 *
 * - `l1(θ, λ)` = λ·Σ_t Σ_i |θ_t,i|;  `l1Grad` = λ·sign(θ), 0 where θ = 0 (PyTorch's subgradient)
 * - `l2(θ, λ)` = λ·Σ_t Σ_i θ_t,i² (no ½, as the report);  `l2Grad` = 2·λ·θ
 * - `dropout(x, p, u)`: y_i = 0 when u_i < p, else x_i / (1 − p) (inverted dropout; a draw equal
 *   to p keeps its element; the identity at p = 0)
 *
 * The same definitions as `l1Penalty`/`l1Gradient`, `l2Penalty`/`l2Gradient` and `dropoutMask` in
 * src/regularizers, which run in float32 on tensors; spec/grade/referenceRegularizers.spec.ts
 * holds the two together and to hand-worked numbers. Inputs are trusted (the grader draws them).
 */
export const referenceRegularizers: RegularizerApi = {
  l1: (params, rate) => rate * sumOver(params, Math.abs),
  l1Grad: (params, rate) => params.map((row) => row.map((v) => (v === 0 ? 0 : rate * Math.sign(v)))),
  l2: (params, rate) => rate * sumOver(params, (v) => v * v),
  l2Grad: (params, rate) => params.map((row) => row.map((v) => 2 * rate * v)),
  dropout: (x, rate, uniforms) => x.map((v, i) => (uniforms[i]! < rate ? 0 : v / (1 - rate))),
};
