/**
 * The public regulariser interface a submission implements for `gradproof grade --code`: one ES
 * module (`.mjs`/`.js`; `.cjs` with `module.exports`, or `.ts`, also accepted) exporting five
 * functions of plain numbers, so the sandbox needs no TensorFlow.js. Parameters are a list of
 * tensors, each flattened to a row (`number[][]`, rows may differ in length or be empty).
 * Results may be returned directly or as a Promise; typed arrays are accepted for arrays.
 *
 * - `l1(params, rate)` = rate·Σ_t Σ_i |θ_t,i|   (every parameter, weights and biases)
 * - `l1Grad(params, rate)` = rate·sign(θ), same shape as `params`, 0 where θ = 0 (PyTorch's subgradient)
 * - `l2(params, rate)` = rate·Σ_t Σ_i θ_t,i²    (no ½, as the report)
 * - `l2Grad(params, rate)` = 2·rate·θ, same shape as `params`
 * - `dropout(x, rate, uniforms)`: inverted dropout with the uniform draws given, so it is
 *   deterministic: y_i = 0 when uniforms[i] < rate, else x_i / (1 − rate). `uniforms` has one
 *   draw in [0, 1) per element of `x`; rate is in [0, 1). At rate 0 it is the identity.
 *
 * This is the convention of gradproof's own `dropoutMask` (draw i decides element i, dropped
 * when the draw is below p) and of `l1Penalty`/`l2Penalty` in src/regularizers.
 */
export interface RegularizerApi {
  l1(params: number[][], rate: number): number;
  l1Grad(params: number[][], rate: number): number[][];
  l2(params: number[][], rate: number): number;
  l2Grad(params: number[][], rate: number): number[][];
  dropout(x: number[], rate: number, uniforms: number[]): number[];
}

/** The exported names a submission must provide. */
export const REGULARIZER_API_NAMES: readonly (keyof RegularizerApi)[] = ['l1', 'l1Grad', 'l2', 'l2Grad', 'dropout'];

/** One call of the interface with its arguments, as a check sends it to the sandbox. */
export type RegularizerCall = { [K in keyof RegularizerApi]: { readonly fn: K; readonly args: Parameters<RegularizerApi[K]> } }[keyof RegularizerApi];
