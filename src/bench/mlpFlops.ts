import type { MlpConfig } from '../models/MlpConfig.js';

/**
 * Floating-point operations per example counted from the matrix products alone (elementwise
 * work is a few per cent and backend-dependent), two per multiply-add:
 * - eval: forward, F = 2·Σ fan_in·fan_out;
 * - train: forward + weight gradients (another F) + input gradients of every layer but the
 *   first (autodiff skips the data's gradient): 2·F + 2·Σ_{layers > 1} fan_in·fan_out.
 */
export function mlpFlops(config: MlpConfig, phase: 'train' | 'eval'): number {
  const widths = [config.inputSize, ...config.hidden, config.outputSize];
  let forward = 0;
  let inputGrads = 0;
  for (let i = 0; i + 1 < widths.length; i++) {
    const macs = widths[i]! * widths[i + 1]!;
    forward += 2 * macs;
    if (i > 0) inputGrads += 2 * macs;
  }
  return phase === 'eval' ? forward : 2 * forward + inputGrads;
}
