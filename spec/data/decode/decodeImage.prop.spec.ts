import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors/DataError';
import { decodeImage } from '../../../src/data/decode/decodeImage';
import { buildBmp, buildTiff, DATA_ROOT } from './buildImages';

// fast-check prints the seed and path of any failure; replay with fc.assert(..., { seed, path }).

const bilevel = fc
  .record({ width: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 1, max: 9 }) })
  .chain(({ width, height }) =>
    fc.record({
      width: fc.constant(width),
      height: fc.constant(height),
      bits: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: width * height, maxLength: width * height }),
      whiteFirst: fc.boolean(),
      topDown: fc.boolean(),
    }));

describe('decoders (properties)', () => {
  it('1-bit BMPs of any size, palette order and row order decode to their pixels', () => {
    fc.assert(
      fc.property(bilevel, ({ width, height, bits, whiteFirst, topDown }) => {
        const palette: [number, number, number][] = whiteFirst ? [[255, 255, 255], [0, 0, 0]] : [[0, 0, 0], [255, 255, 255]];
        const bytes = buildBmp({ width, height, bitCount: 1, palette, topDown, pixel: (x, y) => bits[y * width + x]! });
        const expected = bits.map((b) => ((b === 0) === whiteFirst ? 255 : 0));
        expect(Array.from(decodeImage(bytes, 'p.bmp').data)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('8-bit gray TIFFs of any size, byte order and strip height decode to their pixels', () => {
    const gray = fc.record({ width: fc.integer({ min: 1, max: 17 }), height: fc.integer({ min: 1, max: 9 }) }).chain(({ width, height }) =>
      fc.record({
        width: fc.constant(width),
        height: fc.constant(height),
        pixels: fc.uint8Array({ minLength: width * height, maxLength: width * height }),
        littleEndian: fc.boolean(),
        rowsPerStrip: fc.integer({ min: 1, max: height }),
      }));
    fc.assert(
      fc.property(gray, ({ width, height, pixels, littleEndian, rowsPerStrip }) => {
        const strips: Uint8Array[] = [];
        for (let y = 0; y < height; y += rowsPerStrip) strips.push(pixels.slice(y * width, Math.min(height, y + rowsPerStrip) * width));
        const bytes = buildTiff({ width, height, bitsPerSample: 8, photometric: 1, littleEndian, rowsPerStrip, strips });
        expect(decodeImage(bytes, 'p.tiff').data).toEqual(pixels);
      }),
      { numRuns: 200 },
    );
  });

  it('truncated or corrupted files either decode to a consistent image or throw DataError', () => {
    const samples: Uint8Array[] = [
      buildBmp({ width: 9, height: 5, bitCount: 24, pixel: (x, y) => [x * 20, y * 40, 99] }),
      buildBmp({ width: 9, height: 5, bitCount: 4, palette: [[0, 0, 0], [9, 9, 9], [1, 2, 3]], pixel: (x) => x % 3 }),
      readFileSync(path.join(DATA_ROOT, 'gurmukhi/val/3/1.tiff')),
      readFileSync(path.join(DATA_ROOT, 'gurmukhi/train/3/1.bmp')),
      PNG.sync.write(Object.assign(new PNG({ width: 3, height: 3 }), { data: Buffer.alloc(36, 77) })),
      jpeg.encode({ width: 8, height: 8, data: new Uint8Array(256).fill(120) }, 80).data,
    ];
    const damage = fc.record({
      sample: fc.integer({ min: 0, max: samples.length - 1 }),
      cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      edits: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(damage, ({ sample, cut, edits }) => {
        let bytes = Uint8Array.from(samples[sample]!); // a copy: Buffer#slice would share memory
        for (const [where, value] of edits) bytes[Math.floor(where * bytes.length)] = value;
        if (cut !== null) bytes = bytes.subarray(0, Math.floor(cut * bytes.length));
        try {
          const img = decodeImage(bytes, 'fuzz.bin');
          expect(img.data.length).toBe(img.width * img.height * img.channels);
        } catch (err) {
          expect(err, String(err)).toBeInstanceOf(DataError);
          expect((err as DataError).path).toBe('fuzz.bin');
        }
      }),
      { numRuns: 500 },
    );
  });
});
