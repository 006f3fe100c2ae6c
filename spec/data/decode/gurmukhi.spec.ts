// The real Gurmukhi files mix 1-bit BMPs (bottom-up, palette) and CCITT TIFFs (WhiteIsZero).
// A decoder that ignores the palette, the photometric tag or the row order passes size checks
// but inverts or flips digits; these specs compare the formats against each other.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../src/data/decode/decodeImage';
import { DATA_ROOT } from './buildImages';

const ROOT = path.join(DATA_ROOT, 'gurmukhi');
const SIDE = 32;

interface Folder { split: string; digit: number; files: string[]; images: Uint8Array[] }

function loadFolder(split: string, digit: number): Folder {
  const dir = path.join(ROOT, split, String(digit));
  const files = readdirSync(dir).map((f) => path.join(dir, f));
  const images = files.map((f) => {
    const img = decodeImage(readFileSync(f), f);
    // Loaded at collection time (outside a test), so a shape mismatch is a plain throw.
    if (img.width !== SIDE || img.height !== SIDE || img.channels !== 1) {
      throw new Error(`${f}: decoded ${img.width}x${img.height}x${img.channels}, expected ${SIDE}x${SIDE}x1`);
    }
    return img.data;
  });
  return { split, digit, files, images };
}

const digits = Array.from({ length: 10 }, (_, d) => d);
const train = digits.map((d) => loadFolder('train', d));
const val = digits.map((d) => loadFolder('val', d));

function mean(images: Uint8Array[]): Float64Array {
  const m = new Float64Array(SIDE * SIDE);
  for (const img of images) img.forEach((v, i) => (m[i] += v / images.length));
  return m;
}

function correlation(a: Float64Array, b: Float64Array): number {
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

function flipVertical(m: Float64Array): Float64Array {
  const out = new Float64Array(m.length);
  for (let y = 0; y < SIDE; y++) out.set(m.subarray((SIDE - 1 - y) * SIDE, (SIDE - y) * SIDE), y * SIDE);
  return out;
}

describe('Gurmukhi digits (real files)', () => {
  it('has 1,000 train images (100 per digit) and 178 val images, all 32×32 gray', () => {
    expect(train.map((f) => f.images.length)).toEqual(Array<number>(10).fill(100));
    expect(val.reduce((n, f) => n + f.images.length, 0)).toBe(178);
    expect(val[9]!.files.every((f) => f.endsWith('.bmp'))).toBe(true);
    expect(val.slice(0, 9).every((f) => f.files.every((p) => p.endsWith('.tiff')))).toBe(true);
  });

  it('decodes every image as pure black/white with a white background and a dark digit', () => {
    // Measured on the real files: the border is ≥ 66% white and the image ≥ 52% white in every
    // image; an inverted decode gives ≤ 34% and ≤ 48%.
    for (const folder of [...train, ...val]) {
      folder.images.forEach((img, k) => {
        const file = folder.files[k]!;
        expect(img.every((v) => v === 0 || v === 255), file).toBe(true);
        let border = 0, borderWhite = 0, white = 0;
        img.forEach((v, i) => {
          const x = i % SIDE, y = Math.floor(i / SIDE);
          if (v === 255) white++;
          if (x === 0 || y === 0 || x === SIDE - 1 || y === SIDE - 1) {
            border++;
            if (v === 255) borderWhite++;
          }
        });
        expect(borderWhite / border, `${file}: border white fraction`).toBeGreaterThan(0.5);
        expect(white / img.length, `${file}: white fraction`).toBeGreaterThan(0.5);
        expect(white, `${file}: has a digit`).toBeLessThan(img.length);
      });
    }
  });

  it('orients train BMPs and val TIFFs/BMPs alike: mean images correlate better upright than flipped', () => {
    // Measured gaps between the two correlations: 0.14 (digit 0, round) to 1.17; margin 0.1.
    for (const d of digits) {
      const t = mean(train[d]!.images);
      const v = mean(val[d]!.images);
      const upright = correlation(t, v);
      const flipped = correlation(t, flipVertical(v));
      expect(upright, `digit ${d}: upright ${upright.toFixed(3)} vs flipped ${flipped.toFixed(3)}`).toBeGreaterThan(flipped + 0.1);
      expect(upright, `digit ${d}`).toBeGreaterThan(0.6);
    }
  });
});
