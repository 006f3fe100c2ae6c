import { describe, expect, it } from 'vitest';
import { INPUT_LUT } from '../../src/data/inputLut';
import { normalizationLut } from '../../src/data/normalizationLut';
import { withNormalization } from '../../src/data/withNormalization';
import { writePixels } from '../../src/data/writePixels';
import type { Dataset } from '../../src/data/Dataset';
import { UsageError } from '../../src/errors/UsageError';

const twoChannels: Dataset = {
  // One 2×1×2 image: channel 0 = [0, 255], channel 1 = [51, 102].
  images: new Uint8Array([0, 255, 51, 102]),
  labels: new Uint8Array([0]),
  count: 1,
  channels: 2,
  height: 1,
  width: 2,
  classes: ['a', 'b'],
  source: 'spec',
};

describe('normalizationLut', () => {
  it('is INPUT_LUT itself for the default and for mean = std = 0.5 (so the accelerated input paths still apply)', () => {
    expect(normalizationLut(undefined, 3)).toBe(INPUT_LUT);
    expect(normalizationLut({ mean: 0.5, std: [0.5, 0.5, 0.5] }, 3)).toBe(INPUT_LUT);
    expect([INPUT_LUT[0], INPUT_LUT[255]]).toEqual([-1, 1]);
  });

  it('maps a byte v to (v/255 − mean)/std, one table for all channels when they agree', () => {
    const lut = normalizationLut({ mean: 0, std: 1 }, 3);
    expect(lut).toHaveLength(256);
    expect(lut[0]).toBe(0);
    expect(lut[255]).toBe(1);
    expect(lut[51]).toBeCloseTo(0.2, 7);
  });

  it('keeps a table per channel when they differ, and writePixels uses each channel its own', () => {
    const data = withNormalization({ train: twoChannels, test: twoChannels }, { mean: [0, 0.2], std: [1, 0.2] }).train;
    expect(data.inputLut).toHaveLength(512);
    const out = new Float32Array(4);
    writePixels(data, new Uint32Array([0]), out);
    // Channel 0: v/255. Channel 1: (v/255 − 0.2)/0.2 → 51 → 0, 102 → 1.
    expect(Array.from(out).map((v) => Number(v.toFixed(6)))).toEqual([0, 1, 0, 1]);
    // The raw pixels are shared, not copied.
    expect(data.images).toBe(twoChannels.images);
  });

  it('refuses a std of zero or a list of the wrong length, echoing it', () => {
    expect(() => normalizationLut({ mean: 0.5, std: 0 }, 1)).toThrow(UsageError);
    expect(() => normalizationLut({ mean: [0.5, 0.5], std: 0.5 }, 3)).toThrow(/mean must be a finite number or 3 of them \(one per channel\), got \[0\.5,0\.5\]/);
  });
});
