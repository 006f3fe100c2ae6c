import { describe, expect, it } from 'vitest';
import { unpackBits } from '../../../src/data/decode/unpackBits';

describe('unpackBits', () => {
  it('decodes the example from Apple TN1023', () => {
    const packed = Uint8Array.from([
      0xfe, 0xaa, 0x02, 0x80, 0x00, 0x2a, 0xfd, 0xaa, 0x03, 0x80, 0x00, 0x2a, 0x22, 0xf7, 0xaa,
    ]);
    const expected = [
      0xaa, 0xaa, 0xaa, 0x80, 0x00, 0x2a, 0xaa, 0xaa, 0xaa, 0xaa, 0x80, 0x00, 0x2a, 0x22,
      0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa,
    ];
    expect(Array.from(unpackBits(packed, expected.length))).toEqual(expected);
  });

  it('skips the -128 no-op header', () => {
    expect(Array.from(unpackBits(Uint8Array.from([0x80, 0x00, 0x07]), 1))).toEqual([7]);
  });

  it('throws when the data ends before the expected length', () => {
    expect(() => unpackBits(Uint8Array.from([0x01, 0x05]), 2)).toThrow(/runs past the data/);
    expect(() => unpackBits(Uint8Array.from([0xff, 0x05]), 3)).toThrow(/ends after 2 of 3 bytes/);
  });
});
