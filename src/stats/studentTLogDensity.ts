import { logGamma } from './studentT.js';

/**
 * log of Student's t density with `df` degrees of freedom, location `mean` and scale `scale`:
 *   log Γ((ν+1)/2) − log Γ(ν/2) − ½·log(νπ) − log(scale) − (ν+1)/2 · log(1 + z²/ν),  z = (x − mean)/scale.
 */
export function studentTLogDensity(x: number, mean: number, scale: number, df: number): number {
  const z = (x - mean) / scale;
  return logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - Math.log(scale) - ((df + 1) / 2) * Math.log1p((z * z) / df);
}
