/**
 * Gradient flow measured on a user's model or variables over one or more batches: per layer (or
 * per variable, input side first) the gradient norm ‖∂L_b/∂W‖₂ on the first batch and its mean
 * over the batches, (1/B) Σ_b ‖∂L_b/∂W‖₂ (as a run record's `layerGradNorms.firstBatch` / `mean`).
 * The matchers read `layerNorms` (first batch), or `meanLayerNorms` given `{ which: 'mean' }`.
 */
export interface MeasuredGradientFlow {
  /** `layer`: one entry per weight layer; `variable`: one per variable. */
  readonly per: 'layer' | 'variable';
  /** What each entry is: a layer's name (`dense_Dense1`) or a variable's (`dense_Dense1/kernel`). */
  readonly names: string[];
  /** Gradient norm of each entry's weights on the first batch. */
  readonly layerNorms: number[];
  /** Each entry's gradient norm averaged over all batches. */
  readonly meanLayerNorms: number[];
  /** Per layer only: the bias gradient's norm on the first batch (null for a layer without bias). */
  readonly biasNorms?: (number | null)[];
  /** Per layer only: the bias gradient's norm averaged over the batches. */
  readonly meanBiasNorms?: (number | null)[];
  /** The loss on each batch. */
  readonly losses: number[];
}
