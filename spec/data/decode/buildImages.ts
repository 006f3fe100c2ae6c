// Hand-written image files for the decoder specs. Written from the format specifications,
// independently of the decoders under test.
import path from 'node:path';

/** The shared data folder: GRADPROOF_DATA in CI, else ../shared/data beside the repo. */
export const DATA_ROOT = process.env['GRADPROOF_DATA'] ?? path.resolve(process.cwd(), '../shared/data');

/** '1000 11' → bytes, MSB first, zero-padded to a whole byte. Spaces are ignored. */
export function bitsToBytes(bits: string): Uint8Array {
  const clean = bits.replace(/\s+/g, '');
  const out = new Uint8Array(Math.ceil(clean.length / 8));
  for (let i = 0; i < clean.length; i++) if (clean[i] === '1') out[i >> 3]! |= 0x80 >> (i & 7);
  return out;
}

export interface BmpSpec {
  width: number;
  height: number;
  bitCount: 1 | 4 | 8 | 16 | 24 | 32;
  /** RGB triples, for bitCount ≤ 8. */
  palette?: [number, number, number][];
  topDown?: boolean;
  /** Palette index (≤ 8 bits) or [r, g, b] at (x, y), y = 0 at the top. */
  pixel: (x: number, y: number) => number | [number, number, number];
}

/** A BITMAPINFOHEADER BMP, rows padded to 4 bytes, bottom-up unless `topDown`. */
export function buildBmp(s: BmpSpec): Uint8Array {
  const paletteBytes = (s.palette?.length ?? 0) * 4;
  const stride = Math.floor((s.bitCount * s.width + 31) / 32) * 4;
  const offset = 14 + 40 + paletteBytes;
  const out = new Uint8Array(offset + stride * s.height);
  const v = new DataView(out.buffer);
  out[0] = 0x42;
  out[1] = 0x4d;
  v.setUint32(2, out.length, true);
  v.setUint32(10, offset, true);
  v.setUint32(14, 40, true);
  v.setInt32(18, s.width, true);
  v.setInt32(22, s.topDown ? -s.height : s.height, true);
  v.setUint16(26, 1, true);
  v.setUint16(28, s.bitCount, true);
  v.setUint32(46, s.palette?.length ?? 0, true);
  s.palette?.forEach(([r, g, b], i) => out.set([b, g, r, 0], 54 + i * 4));
  for (let y = 0; y < s.height; y++) {
    const row = offset + stride * (s.topDown ? y : s.height - 1 - y);
    for (let x = 0; x < s.width; x++) {
      const p = s.pixel(x, y);
      if (Array.isArray(p)) {
        const at = row + x * (s.bitCount / 8);
        out.set([p[2], p[1], p[0]], at);
      } else {
        const bit = x * s.bitCount;
        out[row + (bit >> 3)]! |= p << (8 - s.bitCount - (bit & 7));
      }
    }
  }
  return out;
}

export interface TiffSpec {
  width: number;
  height: number;
  littleEndian?: boolean;
  bitsPerSample?: number;
  samplesPerPixel?: number;
  photometric: number;
  compression?: number;
  fillOrder?: number;
  rowsPerStrip?: number;
  /** Already-compressed strip data, in order. */
  strips: Uint8Array[];
}

/** A one-IFD TIFF: header, the strips, then the directory (tags in ascending order). */
export function buildTiff(s: TiffSpec): Uint8Array {
  const le = s.littleEndian ?? true;
  const spp = s.samplesPerPixel ?? 1;
  let stripsAt = 8;
  const offsets = s.strips.map((strip) => (stripsAt += strip.length) - strip.length);
  const entries: [number, number, number[]][] = [
    [256, 3, [s.width]], [257, 3, [s.height]], [258, 3, Array<number>(spp).fill(s.bitsPerSample ?? 1)],
    [259, 3, [s.compression ?? 1]], [262, 3, [s.photometric]],
    ...(s.fillOrder !== undefined ? [[266, 3, [s.fillOrder]] as [number, number, number[]]] : []),
    [273, 4, offsets], [277, 3, [spp]], [278, 4, [s.rowsPerStrip ?? s.height]],
    [279, 4, s.strips.map((strip) => strip.length)],
  ];
  const ifd = stripsAt + (stripsAt % 2); // word-aligned
  const size = (type: number): number => (type === 3 ? 2 : 4);
  const extra = entries.map(([, type, vals]) => (vals.length * size(type) > 4 ? vals.length * size(type) : 0));
  const out = new Uint8Array(ifd + 2 + entries.length * 12 + 4 + extra.reduce((a, b) => a + b, 0));
  const v = new DataView(out.buffer);
  out.set(le ? [0x49, 0x49] : [0x4d, 0x4d]);
  v.setUint16(2, 42, le);
  v.setUint32(4, ifd, le);
  s.strips.forEach((strip, i) => out.set(strip, offsets[i]!));
  v.setUint16(ifd, entries.length, le);
  let spill = ifd + 2 + entries.length * 12 + 4;
  entries.forEach(([tag, type, vals], i) => {
    const e = ifd + 2 + i * 12;
    v.setUint16(e, tag, le);
    v.setUint16(e + 2, type, le);
    v.setUint32(e + 4, vals.length, le);
    let at = e + 8;
    if (extra[i]! > 0) {
      v.setUint32(e + 8, spill, le);
      at = spill;
      spill += extra[i]!;
    }
    vals.forEach((val, k) => (type === 3 ? v.setUint16(at + k * 2, val, le) : v.setUint32(at + k * 4, val, le)));
  });
  return out;
}

/** Packs 0/1 pixel rows into MSB-first bytes, each row padded to a byte. */
export function packRows(rows: number[][]): Uint8Array {
  const stride = Math.ceil((rows[0]?.length ?? 0) / 8);
  const out = new Uint8Array(stride * rows.length);
  rows.forEach((row, y) => row.forEach((bit, x) => {
    if (bit) out[y * stride + (x >> 3)]! |= 0x80 >> (x & 7);
  }));
  return out;
}
