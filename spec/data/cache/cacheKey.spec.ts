import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../../src/data/cache/cacheKey';

describe('cacheKey', () => {
  it('ignores parameter order but not parameter values or the fingerprint', () => {
    const k = cacheKey('fp', { channels: 3, height: 32 });
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey('fp', { height: 32, channels: 3 })).toBe(k);
    expect(cacheKey('fp', { channels: 1, height: 32 })).not.toBe(k);
    expect(cacheKey('fp2', { channels: 3, height: 32 })).not.toBe(k);
  });
});
