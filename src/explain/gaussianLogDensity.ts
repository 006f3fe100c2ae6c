/** log N(x; μ, σ²) = −½·log(2πσ²) − (x − μ)²/(2σ²). */
export function gaussianLogDensity(x: number, mean: number, sigma: number): number {
  const z = (x - mean) / sigma;
  return -0.5 * Math.log(2 * Math.PI * sigma * sigma) - 0.5 * z * z;
}
