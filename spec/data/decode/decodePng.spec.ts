import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../../../src/data/decode/decodePng';

const rgba = Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 255]);
const write = (colorType: 0 | 2 | 4 | 6): Uint8Array =>
  PNG.sync.write(Object.assign(new PNG({ width: 2, height: 2 }), { data: Buffer.from(rgba) }), { colorType });

describe('decodePng', () => {
  it('decodes an RGBA file to three channels, dropping (not compositing) alpha', () => {
    const img = decodePng(write(6), 'c.png');
    expect([img.width, img.height, img.channels]).toEqual([2, 2, 3]);
    expect(Array.from(img.data)).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
  });

  it('decodes an RGB file to three channels', () => {
    // pngjs's writer flattens alpha onto white for colour type 2, so only opaque pixels survive as given.
    const img = decodePng(write(2));
    expect(Array.from(img.data.subarray(0, 3))).toEqual([255, 0, 0]);
    expect(Array.from(img.data.subarray(9, 12))).toEqual([10, 20, 30]);
  });

  it('decodes a grayscale file to one channel', () => {
    const gray = Uint8Array.from([0, 0, 0, 255, 90, 90, 90, 255, 180, 180, 180, 255, 255, 255, 255, 255]);
    const bytes = PNG.sync.write(Object.assign(new PNG({ width: 2, height: 2 }), { data: Buffer.from(gray) }), { colorType: 0 });
    const img = decodePng(bytes);
    expect(img.channels).toBe(1);
    expect(Array.from(img.data)).toEqual([0, 90, 180, 255]);
  });

  it('rejects truncated and corrupted files with DataError naming the path', () => {
    const good = write(2);
    expect(() => decodePng(good.subarray(0, good.length - 15), '/p/t.png')).toThrow(/decodePng: corrupt PNG .* in \/p\/t\.png/);
    const flipped = Uint8Array.from(good); // Buffer#slice would share memory
    flipped[40]! ^= 0xff; // inside IDAT: the CRC no longer matches
    expect(() => decodePng(flipped, '/p/c.png')).toThrow(/decodePng: corrupt PNG/);
  });
});
