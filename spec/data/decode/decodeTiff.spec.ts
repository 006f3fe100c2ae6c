import { describe, expect, it } from 'vitest';
import { decodeTiff } from '../../../src/data/decode/decodeTiff';
import { bitsToBytes, buildTiff, packRows } from './buildImages';

// 8×3 bilevel picture: row 0 = W3 B2 W3, row 1 all black, row 2 all white (T.4 "black" = 1 below).
const rows = [[0, 0, 0, 1, 1, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0, 0, 0]];
const mhRows = [bitsToBytes('1000 11 1000'), bitsToBytes('00110101 000101'), bitsToBytes('10011')];
const mhStrip = Uint8Array.from(mhRows.flatMap((r) => Array.from(r)));
// What a viewer shows: pixels of black runs dark (0), white runs light (255).
const shown = rows.flat().map((b) => (b ? 0 : 255));
const inverted = shown.map((v) => 255 - v);
const reverse = (bytes: Uint8Array): Uint8Array =>
  bytes.map((b) => parseInt(b.toString(2).padStart(8, '0').split('').reverse().join(''), 2));

describe('decodeTiff', () => {
  it('decodes a CCITT MH strip with WhiteIsZero: white runs are 255', () => {
    const img = decodeTiff(buildTiff({ width: 8, height: 3, photometric: 0, compression: 2, strips: [mhStrip] }));
    expect([img.width, img.height, img.channels]).toEqual([8, 3, 1]);
    expect(Array.from(img.data)).toEqual(shown);
  });

  it('inverts the same CCITT strip under BlackIsZero', () => {
    const img = decodeTiff(buildTiff({ width: 8, height: 3, photometric: 1, compression: 2, strips: [mhStrip] }));
    expect(Array.from(img.data)).toEqual(inverted);
  });

  it('honours FillOrder 2 (bits stored LSB first)', () => {
    const img = decodeTiff(buildTiff({ width: 8, height: 3, photometric: 0, compression: 2, fillOrder: 2, strips: [reverse(mhStrip)] }));
    expect(Array.from(img.data)).toEqual(shown);
  });

  it('joins several strips, big-endian, the last one short', () => {
    const strips = [Uint8Array.from([...mhRows[0]!, ...mhRows[1]!]), mhRows[2]!];
    const img = decodeTiff(buildTiff({ width: 8, height: 3, littleEndian: false, photometric: 0, compression: 2, rowsPerStrip: 2, strips }));
    expect(Array.from(img.data)).toEqual(shown);
  });

  it('decodes uncompressed 1-bit data under both polarities', () => {
    const packed = packRows(rows);
    const wiz = decodeTiff(buildTiff({ width: 8, height: 3, photometric: 0, strips: [packed] }));
    const biz = decodeTiff(buildTiff({ width: 8, height: 3, photometric: 1, strips: [packed] }));
    expect(Array.from(wiz.data)).toEqual(shown);
    expect(Array.from(biz.data)).toEqual(inverted);
  });

  it('decodes 8-bit gray (both polarities) and PackBits-compressed RGB', () => {
    const gray = Uint8Array.from([0, 10, 200, 255]);
    const biz = decodeTiff(buildTiff({ width: 2, height: 2, bitsPerSample: 8, photometric: 1, strips: [gray] }));
    expect(Array.from(biz.data)).toEqual([0, 10, 200, 255]);
    const wiz = decodeTiff(buildTiff({ width: 2, height: 2, bitsPerSample: 8, photometric: 0, littleEndian: false, strips: [gray] }));
    expect(Array.from(wiz.data)).toEqual([255, 245, 55, 0]);
    // 2×1 RGB: (9,9,9) (1,2,3) as PackBits: repeat 9 three times, then 3 literals.
    const packed = Uint8Array.from([0xfe, 9, 0x02, 1, 2, 3]);
    const rgb = decodeTiff(buildTiff({ width: 2, height: 1, bitsPerSample: 8, samplesPerPixel: 3, photometric: 2, compression: 32773, strips: [packed] }));
    expect(rgb.channels).toBe(3);
    expect(Array.from(rgb.data)).toEqual([9, 9, 9, 1, 2, 3]);
  });

  it('rejects bad input with DataError messages naming the path and the reason', () => {
    const good = buildTiff({ width: 8, height: 3, photometric: 0, compression: 2, strips: [mhStrip] });
    expect(() => decodeTiff(new Uint8Array(0), '/v/e.tiff')).toThrow(/decodeTiff: file too short \(0 bytes\) in \/v\/e\.tiff/);
    expect(() => decodeTiff(Uint8Array.from([0x42, 0x4d, 0, 0, 0, 0, 0, 0]), '/v/m.tiff')).toThrow(/not a TIFF file/);
    expect(() => decodeTiff(good.subarray(0, good.length - 20), '/v/t.tiff')).toThrow(/truncated IFD .* in \/v\/t\.tiff/);
    const lzw = buildTiff({ width: 8, height: 3, photometric: 0, compression: 5, strips: [mhStrip] });
    expect(() => decodeTiff(lzw, '/v/l.tiff')).toThrow(/decodeTiff: unsupported compression 5 in \/v\/l\.tiff/);
    const short = buildTiff({ width: 8, height: 3, photometric: 0, compression: 2, strips: [mhStrip.subarray(0, 3)] });
    expect(() => decodeTiff(short, '/v/s.tiff')).toThrow(/strip 0 \(CCITT MH\): data ends inside row 1 in \/v\/s\.tiff/);
    const raw = buildTiff({ width: 8, height: 3, photometric: 0, strips: [Uint8Array.from([1, 2])] });
    expect(() => decodeTiff(raw, '/v/r.tiff')).toThrow(/strip has 2 of 3 bytes/);
    const palette = buildTiff({ width: 2, height: 1, bitsPerSample: 8, photometric: 3, strips: [Uint8Array.from([0, 1])] });
    expect(() => decodeTiff(palette, '/v/p.tiff')).toThrow(/unsupported pixel format: 1 sample\(s\) of 8 bit\(s\), photometric 3/);
  });
});
