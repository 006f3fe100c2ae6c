import * as tf from '@tensorflow/tfjs';

/** The fused forward kernel's name: inputs {x: n×c, gamma: c, beta: c}, attrs {eps}; outputs [y, xHat, mean, variance, std]. */
export const BN_FORWARD_KERNEL = 'GradproofBatchNorm';
/** The fused backward kernel's name: inputs {dy, xHat: n×c, std, gamma: c}; outputs [dx, dGamma, dBeta]. */
export const BN_BACKWARD_KERNEL = 'GradproofBatchNormGrad';

/** Batch norm's training output and the batch moments it saw. */
export interface BatchNormTrainingResult {
  readonly y: tf.Tensor2D;
  readonly mean: tf.Tensor1D;
  readonly variance: tf.Tensor1D;
}

/**
 * Whether batch norm's training pass takes the fused kernels on the active backend: where an
 * accelerator registered them for it (it registers them only where they beat the reference).
 */
export function fusedBatchNormAvailable(): boolean {
  return tf.getKernel(BN_FORWARD_KERNEL, tf.getBackend()) != null;
}

/**
 * Batch norm's training pass, y = γ·(x − μ_B)/√(σ²_B + ε) + β with the biased batch variance,
 * differentiable in x, γ and β: the fused kernels, one dispatch each way, where they are
 * registered (see fusedBatchNormAvailable), else batchNormTrainingReference. The moments are
 * the caller's to dispose.
 */
export function batchNormTraining(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps: number): BatchNormTrainingResult {
  if (!fusedBatchNormAvailable()) return batchNormTrainingReference(x, gamma, beta, eps);
  let mean: tf.Tensor1D | undefined;
  let variance: tf.Tensor1D | undefined;
  const fused = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xIn, g, b, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
    const attrs = { eps } as unknown as tf.NamedAttrMap;
    const [y, xHat, m, v, std] = tf.engine().runKernel(BN_FORWARD_KERNEL, { x: xIn, gamma: g, beta: b }, attrs) as tf.Tensor[];
    mean = tf.keep(m as tf.Tensor1D);
    variance = tf.keep(v as tf.Tensor1D);
    save([xHat!, std!, g]);
    return {
      value: y!,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) =>
        tf.engine().runKernel(BN_BACKWARD_KERNEL, { dy: dy as tf.Tensor, xHat: saved[0]!, std: saved[1]!, gamma: saved[2]! }) as tf.Tensor[],
    };
  });
  const y = fused(x, gamma, beta) as tf.Tensor2D;
  return { y, mean: mean!, variance: variance! };
}

/**
 * The reference: tf.moments, then x̂ = (x − μ)/σ with σ = √(σ²_B + ε) and y = x̂·γ + β, as one
 * tape node with the hand-written backward of batchNormGrad instead of autodiff through ~10 ops
 * (about a third of the kernel calls in a deep net's step).
 */
export function batchNormTrainingReference(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps: number): BatchNormTrainingResult {
  let mean: tf.Tensor1D | undefined;
  let variance: tf.Tensor1D | undefined;
  const normalize = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xIn, g, b, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
    const m = tf.moments(xIn, 0);
    mean = tf.keep(m.mean as tf.Tensor1D);
    variance = tf.keep(m.variance as tf.Tensor1D);
    const std = variance.add(eps).sqrt();
    const xHat = xIn.sub(mean).div(std);
    // The forward pass runs in a tidy: what the backward pass needs must be saved to outlive it.
    save([xHat, std, g]);
    return {
      value: xHat.mul(g).add(b),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => batchNormGrad(dy as tf.Tensor, saved[0]!, saved[1]!, saved[2]!),
    };
  });
  const y = normalize(x, gamma, beta) as tf.Tensor2D;
  // Hand the moments to the caller's scope (a tidy around forward frees them as before): keep()
  // only got them out of customGrad's own tidy. Clones of two vectors cost next to nothing.
  const moments = { mean: tf.clone(mean!), variance: tf.clone(variance!) };
  tf.dispose([mean!, variance!]);
  return { y, ...moments };
}

/**
 * Batch norm's backward pass, with x̂ = (x − μ_B)/σ and σ = √(σ²_B + ε) from the forward pass:
 * ∂β = Σ_n dy,  ∂γ = Σ_n dy·x̂,  and with g = dy·γ:  ∂x = (g − mean_n(g) − x̂·mean_n(g·x̂)) / σ.
 */
function batchNormGrad(dy: tf.Tensor, xHat: tf.Tensor, std: tf.Tensor, gamma: tf.Tensor): tf.Tensor[] {
  return tf.tidy(() => {
    const g = dy.mul(gamma);
    const dx = g
      .sub(g.mean(0))
      .sub(xHat.mul(g.mul(xHat).mean(0)))
      .div(std);
    return [dx, dy.mul(xHat).sum(0), dy.sum(0)];
  });
}
