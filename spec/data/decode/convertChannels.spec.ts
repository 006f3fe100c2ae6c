import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors/UsageError';
import { convertChannels } from '../../../src/data/decode/convertChannels';

describe('convertChannels', () => {
  it('converts RGB to gray with PIL L weights, rounding down', () => {
    const rgb = { width: 4, height: 1, channels: 3 as const, data: Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]) };
    // 255·299/1000 = 76.245 → 76; 255·587/1000 = 149.685 → 149; 255·114/1000 = 29.07 → 29.
    expect(Array.from(convertChannels(rgb, 1).data)).toEqual([76, 149, 29, 255]);
    const mixed = { width: 1, height: 1, channels: 3 as const, data: Uint8Array.from([10, 200, 30]) };
    expect(convertChannels(mixed, 1).data[0]).toBe(Math.floor((10 * 299 + 200 * 587 + 30 * 114) / 1000)); // 123.8 → 123
    expect(convertChannels(mixed, 1).data[0]).toBe(123);
  });

  it('replicates gray into three channels', () => {
    const gray = { width: 2, height: 1, channels: 1 as const, data: Uint8Array.from([7, 250]) };
    const out = convertChannels(gray, 3);
    expect(out.channels).toBe(3);
    expect(Array.from(out.data)).toEqual([7, 7, 7, 250, 250, 250]);
  });

  it('returns the image unchanged when it already has the channels, and rejects other counts', () => {
    const gray = { width: 1, height: 1, channels: 1 as const, data: Uint8Array.from([1]) };
    expect(convertChannels(gray, 1)).toBe(gray);
    expect(() => convertChannels(gray, 2 as 1)).toThrow(UsageError);
    expect(() => convertChannels(gray, 2 as 1)).toThrow('convertChannels: channels must be 1 or 3, got 2');
  });
});
