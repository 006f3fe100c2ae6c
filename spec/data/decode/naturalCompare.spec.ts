import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../../../src/data/decode/naturalCompare';

describe('naturalCompare', () => {
  it('orders digit runs by value', () => {
    expect(['10', '2', '1', '100', '9'].sort(naturalCompare)).toEqual(['1', '2', '9', '10', '100']);
    expect(['img10.bmp', 'img9.bmp', 'img1.bmp'].sort(naturalCompare)).toEqual(['img1.bmp', 'img9.bmp', 'img10.bmp']);
    expect(['10.tiff', '1.tiff', '2.tiff'].sort(naturalCompare)).toEqual(['1.tiff', '2.tiff', '10.tiff']);
  });

  it('handles numbers beyond 2^53 and leading zeros deterministically', () => {
    expect(naturalCompare('99999999999999999999', '100000000000000000000')).toBeLessThan(0);
    expect(naturalCompare('9007199254740993', '9007199254740992')).toBeGreaterThan(0);
    expect(['1', '01', '001'].sort(naturalCompare)).toEqual(['001', '01', '1']);
    expect(naturalCompare('a', 'a')).toBe(0);
  });

  it('orders text by code unit, not locale, and is antisymmetric', () => {
    expect(['b', 'B', 'a', 'A'].sort(naturalCompare)).toEqual(['A', 'B', 'a', 'b']);
    const names = ['cat', 'cat2', 'cat10', 'Cat', 'dog', '1', 'x-1', 'x1', ''];
    for (const a of names) for (const b of names) expect(Math.sign(naturalCompare(a, b)) + Math.sign(naturalCompare(b, a))).toBe(0);
  });
});
