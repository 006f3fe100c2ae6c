import { readFileSync } from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeJpeg } from '../../../src/data/decode/decodeJpeg';
import { DATA_ROOT } from './buildImages';

/** 16×16 RGBA: left half red, right half blue, top-left block lighter. */
function encodeTestJpeg(): Uint8Array {
  const data = new Uint8Array(16 * 16 * 4);
  for (let y = 0; y < 16; y++) {
    for (let x = 0; x < 16; x++) data.set(x < 8 ? [220, 30, 30, 255] : [30, 30, 220, 255], (y * 16 + x) * 4);
  }
  return jpeg.encode({ width: 16, height: 16, data }, 95).data;
}

describe('decodeJpeg', () => {
  it('decodes a jpeg-js-encoded colour image to RGB within compression error', () => {
    const img = decodeJpeg(encodeTestJpeg(), 'x.jpg');
    expect([img.width, img.height, img.channels]).toEqual([16, 16, 3]);
    const at = (x: number, y: number): number[] => Array.from(img.data.subarray((y * 16 + x) * 3, (y * 16 + x) * 3 + 3));
    const tol = 12; // quality 95: lossy, a few levels of ringing away from the colour edge at x = 8
    for (const [got, want] of [[at(2, 5), [220, 30, 30]], [at(13, 10), [30, 30, 220]]] as const) {
      got.forEach((v, c) => expect(Math.abs(v - want[c]!)).toBeLessThanOrEqual(tol));
    }
  });

  it('rejects truncated data, garbage after the SOI and a missing frame header', () => {
    const good = encodeTestJpeg();
    expect(() => decodeJpeg(good.subarray(0, Math.floor(good.length / 2)), '/j/t.jpg')).toThrow(/decodeJpeg: corrupt JPEG .* in \/j\/t\.jpg/);
    expect(() => decodeJpeg(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]), '/j/e.jpg')).toThrow(/decodeJpeg: no JPEG frame header/);
    const garbage = Uint8Array.from({ length: 64 }, (_, i) => (i < 3 ? [0xff, 0xd8, 0xff][i]! : (i * 37) & 0xff));
    expect(() => decodeJpeg(garbage, '/j/g.jpg')).toThrow(/decodeJpeg: .* in \/j\/g\.jpg/);
  });

  it('decodes the first real CIFAR-10 test JPEG of every class to 32×32×3', () => {
    const classes = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];
    for (const name of classes) {
      const file = path.join(DATA_ROOT, 'cifar10-jpg', 'test', name, '0000.jpg');
      const img = decodeJpeg(readFileSync(file), file);
      expect([img.width, img.height, img.channels], file).toEqual([32, 32, 3]);
      const distinct = new Set(img.data).size; // a real photo, not a flat fill
      expect(distinct, file).toBeGreaterThan(20);
    }
  });
});
