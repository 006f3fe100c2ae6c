/** Outputs of batch norm's training forward pass over an n×c block. */
export interface BatchNormForward {
  readonly y: Float32Array;
  readonly xHat: Float32Array;
  readonly mean: Float32Array;
  readonly variance: Float32Array;
  readonly std: Float32Array;
}

/**
 * Batch norm's training forward pass over the rows of an n×c row-major block, written into the
 * given arrays: mean and biased variance per column (sums in double, rounded once), then in
 * float32 steps as the op-by-op version takes them: σ = √(σ² + ε), x̂ = (x − μ)/σ, y = x̂·γ + β.
 */
export function batchNormForward(
  x: Float32Array,
  n: number,
  c: number,
  gamma: Float32Array,
  beta: Float32Array,
  eps: number,
  out: BatchNormForward,
): void {
  const { y, xHat, mean, variance, std } = out;
  const sum = new Float64Array(c);
  for (let r = 0; r < n; r++) for (let j = 0; j < c; j++) sum[j]! += x[r * c + j]!;
  for (let j = 0; j < c; j++) mean[j] = sum[j]! / n;
  sum.fill(0);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < c; j++) {
      const d = x[r * c + j]! - mean[j]!;
      sum[j]! += d * d;
    }
  }
  const epsF = Math.fround(eps);
  for (let j = 0; j < c; j++) {
    variance[j] = sum[j]! / n;
    std[j] = Math.fround(Math.sqrt(Math.fround(variance[j]! + epsF)));
  }
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < c; j++) {
      const i = r * c + j;
      const h = Math.fround(Math.fround(x[i]! - mean[j]!) / std[j]!);
      xHat[i] = h;
      y[i] = Math.fround(Math.fround(h * gamma[j]!) + beta[j]!);
    }
  }
}

/** Gradients of batch norm's training pass with respect to x, γ and β. */
export interface BatchNormBackward {
  readonly dx: Float32Array;
  readonly dGamma: Float32Array;
  readonly dBeta: Float32Array;
}

/**
 * Batch norm's backward pass from the forward's x̂ and σ (see models/batchNorm):
 * ∂β = Σ_n dy, ∂γ = Σ_n dy·x̂, and with g = dy·γ: ∂x = (g − mean_n(g) − x̂·mean_n(g·x̂)) / σ.
 * Column sums in double, rounded once; elementwise steps in float32.
 */
export function batchNormBackward(
  dy: Float32Array,
  xHat: Float32Array,
  std: Float32Array,
  gamma: Float32Array,
  n: number,
  c: number,
  out: BatchNormBackward,
): void {
  const { dx, dGamma, dBeta } = out;
  const sumG = new Float64Array(c);
  const sumGx = new Float64Array(c);
  const sumDy = new Float64Array(c);
  const sumDyX = new Float64Array(c);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < c; j++) {
      const i = r * c + j;
      const g = Math.fround(dy[i]! * gamma[j]!);
      sumG[j]! += g;
      sumGx[j]! += Math.fround(g * xHat[i]!);
      sumDy[j]! += dy[i]!;
      sumDyX[j]! += Math.fround(dy[i]! * xHat[i]!);
    }
  }
  const meanG = Float32Array.from(sumG, (s) => s / n);
  const meanGx = Float32Array.from(sumGx, (s) => s / n);
  for (let j = 0; j < c; j++) {
    dGamma[j] = sumDyX[j]!;
    dBeta[j] = sumDy[j]!;
  }
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < c; j++) {
      const i = r * c + j;
      const g = Math.fround(dy[i]! * gamma[j]!);
      dx[i] = Math.fround(Math.fround(Math.fround(g - meanG[j]!) - Math.fround(xHat[i]! * meanGx[j]!)) / std[j]!);
    }
  }
}

/**
 * Folds a training batch's moments into batch norm's running statistics, in the float32 steps
 * the op-by-op update takes (see models/batchNorm's updateRunningMoments), so the bits agree:
 * r_μ ← r_μ·(1 − m) + μ_B·m and r_σ² ← r_σ²·(1 − m) + (σ²_B·n/(n − 1))·m, with n/(n − 1) left
 * out for a batch of one. Each product and sum is rounded to float32, as one stock kernel would.
 */
export function foldRunningMoments(
  runningMean: Float32Array,
  runningVar: Float32Array,
  mean: Float32Array,
  variance: Float32Array,
  momentum: number,
  count: number,
  outMean: Float32Array,
  outVar: Float32Array,
): void {
  const keep = Math.fround(1 - momentum);
  const take = Math.fround(momentum);
  const bessel = count > 1 ? Math.fround(count / (count - 1)) : undefined;
  for (let j = 0; j < runningMean.length; j++) {
    outMean[j] = Math.fround(Math.fround(runningMean[j]! * keep) + Math.fround(mean[j]! * take));
    const unbiased = bessel === undefined ? variance[j]! : Math.fround(variance[j]! * bessel);
    outVar[j] = Math.fround(Math.fround(runningVar[j]! * keep) + Math.fround(unbiased * take));
  }
}
