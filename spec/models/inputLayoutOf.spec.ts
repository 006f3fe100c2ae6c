import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { inputLayoutOf } from '../../src/models/inputLayoutOf';

describe('inputLayoutOf', () => {
  it('recognises flat, channels-first and channels-last inputs (and [H, W] for one channel)', () => {
    const kind = (shape: (number | null)[], image: [number, number, number]) => inputLayoutOf('spec', shape, image).kind;
    expect(kind([1024], [1, 32, 32])).toBe('flat');
    expect(kind([1, 32, 32], [1, 32, 32])).toBe('chw');
    expect(kind([32, 32, 1], [1, 32, 32])).toBe('hwc');
    expect(kind([32, 32], [1, 32, 32])).toBe('chw');
    expect(kind([32, 32, 3], [3, 32, 32])).toBe('hwc');
    // C = H = W: both fit; tfjs's default, channels last, wins.
    expect(kind([3, 3, 3], [3, 3, 3])).toBe('hwc');
  });

  it('refuses any other shape with a UsageError naming the API, the shape and the three that fit', () => {
    expect(() => inputLayoutOf('createModel', [3072], [1, 32, 32])).toThrow(UsageError);
    expect(() => inputLayoutOf('createModel', [null, 32], [1, 32, 32])).toThrow(
      /^createModel: the model's input shape is \[null, 32\].*must be \[1024\], \[32, 32, 1\] \(channels last\) or \[1, 32, 32\]/,
    );
  });
});
