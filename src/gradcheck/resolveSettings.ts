import { UsageError } from '../errors/UsageError.js';
import type { GradcheckOptions, GradcheckSettings } from './GradcheckSettings.js';
import { FLOAT32_DEFAULTS, FLOAT64_DEFAULTS } from './tolerances.js';

/** Options filled from the dtype's defaults, each checked; a UsageError names the bad one. */
export function resolveSettings(api: string, options: GradcheckOptions, dtype: 'float32' | 'float64'): GradcheckSettings {
  const mode = options.mode ?? (dtype === 'float64' ? 'elements' : 'directional');
  if (mode !== 'directional' && mode !== 'elements') {
    throw new UsageError(`${api}: mode must be 'directional' or 'elements', got ${JSON.stringify(mode)}`);
  }
  if (dtype === 'float64' && mode !== 'elements') throw new UsageError(`${api}: the float64 path checks elements only, got mode ${mode}`);
  const d = dtype === 'float64' ? FLOAT64_DEFAULTS : FLOAT32_DEFAULTS[mode];
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`${api}: seed must be a non-negative integer, got ${String(seed)}`);
  const positive = (name: keyof GradcheckOptions, v: number, allowZero: boolean): number => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) {
      throw new UsageError(`${api}: ${name} must be a finite number ${allowZero ? '>=' : '>'} 0, got ${String(v)}`);
    }
    return v;
  };
  const directions = options.directions ?? d.directions;
  if (mode === 'directional' && (!Number.isSafeInteger(directions) || directions < 1)) {
    throw new UsageError(`${api}: directions must be a positive integer, got ${String(directions)}`);
  }
  const maxElements = options.maxElements ?? d.maxElements;
  const fewest = mode === 'directional' ? 0 : 1;
  if (maxElements !== null && (!Number.isSafeInteger(maxElements) || maxElements < fewest)) {
    throw new UsageError(`${api}: maxElements must be an integer >= ${fewest}, got ${String(maxElements)}`);
  }
  return {
    dtype,
    mode,
    step: positive('step', options.step ?? d.step, false),
    rtol: positive('rtol', options.rtol ?? d.rtol, true),
    atol: positive('atol', options.atol ?? d.atol, true),
    noiseFactor: positive('noiseFactor', options.noiseFactor ?? d.noiseFactor, true),
    directions: mode === 'directional' ? directions : 0,
    maxElements,
    seed,
  };
}
