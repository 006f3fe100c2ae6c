import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors/DataError';
import { decodeBmp } from '../../../src/data/decode/decodeBmp';
import { buildBmp } from './buildImages';

// A 5×3 pattern with a distinct top row, so a flipped decode cannot pass.
const pattern = (x: number, y: number): number => (y === 0 ? 1 : (x + y) % 2);
const expected1bit = (white: number): number[] =>
  Array.from({ length: 15 }, (_, i) => (pattern(i % 5, Math.floor(i / 5)) === white ? 255 : 0));

describe('decodeBmp', () => {
  it('applies a [black, white] palette to 1-bit bottom-up rows', () => {
    const bytes = buildBmp({ width: 5, height: 3, bitCount: 1, palette: [[0, 0, 0], [255, 255, 255]], pixel: pattern });
    const img = decodeBmp(bytes, 'a.bmp');
    expect([img.width, img.height, img.channels]).toEqual([5, 3, 1]);
    expect(Array.from(img.data)).toEqual(expected1bit(1));
  });

  it('applies a [white, black] palette, so index 0 is white', () => {
    const bytes = buildBmp({ width: 5, height: 3, bitCount: 1, palette: [[255, 255, 255], [0, 0, 0]], pixel: pattern });
    expect(Array.from(decodeBmp(bytes).data)).toEqual(expected1bit(0));
  });

  it('decodes top-down (negative height) files to the same picture as bottom-up ones', () => {
    const spec = { width: 5, height: 3, bitCount: 1 as const, palette: [[0, 0, 0], [255, 255, 255]] as [number, number, number][], pixel: pattern };
    const up = buildBmp(spec);
    const down = buildBmp({ ...spec, topDown: true });
    expect(Buffer.from(up).equals(Buffer.from(down))).toBe(false); // the files really differ
    expect(decodeBmp(down).data).toEqual(decodeBmp(up).data);
  });

  it('decodes 4-bit and 8-bit gray palettes to one channel', () => {
    const gray16 = Array.from({ length: 16 }, (_, i) => [i * 17, i * 17, i * 17] as [number, number, number]);
    const img4 = decodeBmp(buildBmp({ width: 3, height: 2, bitCount: 4, palette: gray16, pixel: (x, y) => x + 3 * y + 1 }));
    expect(img4.channels).toBe(1);
    expect(Array.from(img4.data)).toEqual([17, 34, 51, 68, 85, 102]);
    const gray256 = Array.from({ length: 256 }, (_, i) => [255 - i, 255 - i, 255 - i] as [number, number, number]);
    const img8 = decodeBmp(buildBmp({ width: 2, height: 2, bitCount: 8, palette: gray256, pixel: (x, y) => 10 * x + 100 * y }));
    expect(Array.from(img8.data)).toEqual([255, 245, 155, 145]);
  });

  it('decodes a colour palette to three channels', () => {
    const img = decodeBmp(buildBmp({ width: 2, height: 1, bitCount: 8, palette: [[10, 20, 30], [200, 100, 0]], pixel: (x) => x }));
    expect(img.channels).toBe(3);
    expect(Array.from(img.data)).toEqual([10, 20, 30, 200, 100, 0]);
  });

  it('decodes 24-bit BGR and 32-bit BGRX to RGB', () => {
    const rgb = (x: number, y: number): [number, number, number] => [x * 50, y * 60, 7];
    for (const bitCount of [24, 32] as const) {
      const img = decodeBmp(buildBmp({ width: 3, height: 2, bitCount, pixel: rgb }));
      expect(img.channels).toBe(3);
      expect(Array.from(img.data)).toEqual([0, 0, 7, 50, 0, 7, 100, 0, 7, 0, 60, 7, 50, 60, 7, 100, 60, 7]);
    }
  });

  it('reads OS/2 BITMAPCOREHEADER files (16-bit sizes, 3-byte palette entries)', () => {
    const bytes = new Uint8Array(14 + 12 + 6 + 8);
    const v = new DataView(bytes.buffer);
    bytes.set([0x42, 0x4d]);
    v.setUint32(10, 32, true); // pixel data offset
    v.setUint32(14, 12, true); // header size
    v.setUint16(18, 3, true); // width
    v.setInt16(20, 2, true); // height, bottom-up
    v.setUint16(22, 1, true);
    v.setUint16(24, 1, true); // 1 bit
    bytes.set([255, 255, 255, 0, 0, 0], 26); // palette: white, black
    bytes[32] = 0b01000000; // bottom row: 0 1 0
    bytes[36] = 0b10100000; // top row: 1 0 1
    expect(Array.from(decodeBmp(bytes).data)).toEqual([0, 255, 0, 255, 0, 255]);
  });

  it('rejects zero bytes, a wrong signature, truncation and unsupported depths with DataError naming the path', () => {
    const good = buildBmp({ width: 8, height: 8, bitCount: 24, pixel: () => [1, 2, 3] });
    expect(() => decodeBmp(new Uint8Array(0), '/d/empty.bmp')).toThrow(/decodeBmp: .*\/d\/empty\.bmp/);
    const wrong = good.slice();
    wrong[0] = 0x50;
    expect(() => decodeBmp(wrong, '/d/x.bmp')).toThrow(/decodeBmp: not a BMP file .* in \/d\/x\.bmp/);
    expect(() => decodeBmp(good.subarray(0, good.length - 1), '/d/t.bmp')).toThrow(/decodeBmp: truncated pixel data/);
    expect(() => decodeBmp(good.subarray(0, 30), '/d/t.bmp')).toThrow(/decodeBmp: truncated header/);
    const deep = buildBmp({ width: 2, height: 2, bitCount: 16, pixel: () => 0 });
    expect(() => decodeBmp(deep, '/d/16.bmp')).toThrow(/decodeBmp: unsupported bit depth 16 in \/d\/16\.bmp/);
    try {
      decodeBmp(wrong, '/d/x.bmp');
    } catch (err) {
      expect(err).toBeInstanceOf(DataError);
      expect((err as DataError).path).toBe('/d/x.bmp');
    }
    expect.assertions(7);
  });
});
