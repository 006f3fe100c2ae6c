import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors/DataError';
import { decodeImage } from '../../../src/data/decode/decodeImage';
import { sniffImageFormat } from '../../../src/data/decode/sniffImageFormat';
import { buildBmp, buildTiff, packRows } from './buildImages';

const bmp = buildBmp({ width: 2, height: 2, bitCount: 1, palette: [[0, 0, 0], [255, 255, 255]], pixel: (x) => x });
const tiffLE = buildTiff({ width: 2, height: 2, photometric: 1, strips: [packRows([[0, 1], [0, 1]])] });
const tiffBE = buildTiff({ width: 2, height: 2, photometric: 1, littleEndian: false, strips: [packRows([[0, 1], [0, 1]])] });
const png = PNG.sync.write(Object.assign(new PNG({ width: 2, height: 2 }), { data: Buffer.alloc(16, 255) }));
const jpg = jpeg.encode({ width: 8, height: 8, data: new Uint8Array(256).fill(200) }, 90).data;

describe('sniffImageFormat', () => {
  it('names each format from its magic bytes', () => {
    expect([bmp, tiffLE, tiffBE, png, jpg].map(sniffImageFormat)).toEqual(['bmp', 'tiff', 'tiff', 'png', 'jpeg']);
  });

  it('returns undefined for short or unknown data', () => {
    expect(sniffImageFormat(new Uint8Array(0))).toBeUndefined();
    expect(sniffImageFormat(Uint8Array.from([0x42]))).toBeUndefined();
    expect(sniffImageFormat(new TextEncoder().encode('GIF89a'))).toBeUndefined();
  });
});

describe('decodeImage', () => {
  it('decodes by content, not by the extension in the path', () => {
    const asTiff = decodeImage(bmp, '/d/really-a-bmp.tiff');
    expect(Array.from(asTiff.data)).toEqual([0, 255, 0, 255]);
    expect(Array.from(decodeImage(tiffBE, '/d/x.bmp').data)).toEqual([0, 255, 0, 255]);
    expect(decodeImage(png, '/d/x.jpg').channels).toBe(3);
    expect(decodeImage(jpg, '/d/x.png').width).toBe(8);
  });

  it('rejects an empty file and an unknown format with DataError naming the path', () => {
    expect(() => decodeImage(new Uint8Array(0), '/d/zero.bmp')).toThrow('decodeImage: empty file (0 bytes) in /d/zero.bmp');
    expect(() => decodeImage(new TextEncoder().encode('GIF89a....'), '/d/a.gif')).toThrow(
      'decodeImage: unknown image format (first bytes 47 49 46 38) in /d/a.gif',
    );
  });

  it('passes each decoder\'s DataError through, with its path', () => {
    let caught: unknown;
    try {
      decodeImage(bmp.subarray(0, bmp.length - 4), '/d/cut.bmp');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DataError);
    expect((caught as DataError).path).toBe('/d/cut.bmp');
    expect((caught as DataError).message).toMatch(/^decodeBmp: truncated pixel data/);
  });
});
