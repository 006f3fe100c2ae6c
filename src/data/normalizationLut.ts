import { UsageError } from '../errors/UsageError.js';
import { INPUT_LUT } from './inputLut.js';
import type { NormalizeSpec } from './NormalizeSpec.js';

/**
 * The pixel-byte → input table for `spec` on `channels` channels: 256 entries when every
 * channel is normalised alike (the default gives INPUT_LUT itself, so the accelerated paths
 * keep working), else 256 per channel, channel-major. Each step is rounded to float32 as
 * torchvision computes it in float32: ToTensor (v/255), subtract the mean, divide by the std.
 */
export function normalizationLut(spec: NormalizeSpec | undefined, channels: number): Float32Array {
  if (spec === undefined) return INPUT_LUT;
  const mean = perChannel('mean', spec.mean, channels);
  const std = perChannel('std', spec.std, channels);
  std.forEach((s) => {
    if (!(s > 0)) throw new UsageError(`normalize: std must be > 0, got ${JSON.stringify(spec.std)}`);
  });
  const uniform = mean.every((m) => m === mean[0]) && std.every((s) => s === std[0]);
  if (uniform && mean[0] === 0.5 && std[0] === 0.5) return INPUT_LUT;
  const tables = uniform ? 1 : channels;
  const lut = new Float32Array(256 * tables);
  for (let c = 0; c < tables; c++) {
    const m = Math.fround(mean[c]!);
    const s = Math.fround(std[c]!);
    for (let v = 0; v < 256; v++) lut[c * 256 + v] = Math.fround(Math.fround(Math.fround(v / 255) - m) / s);
  }
  return lut;
}

function perChannel(name: string, value: number | readonly number[], channels: number): number[] {
  const list = typeof value === 'number' ? new Array<number>(channels).fill(value) : [...value];
  if (list.length !== channels || !list.every(Number.isFinite)) {
    throw new UsageError(`normalize: ${name} must be a finite number or ${channels} of them (one per channel), got ${JSON.stringify(value)}`);
  }
  return list;
}
