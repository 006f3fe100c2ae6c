import { DataError } from '../../errors/DataError.js';
import type { DecodedImage } from './DecodedImage.js';
import { decodeCcittMh } from './decodeCcittMh.js';
import { readTiffTags } from './readTiffTags.js';
import { unpackBits } from './unpackBits.js';

/** Largest image we agree to allocate for (pixels); guards against garbage headers. */
const MAX_PIXELS = 1 << 26;

const TAG = {
  width: 256, height: 257, bitsPerSample: 258, compression: 259, photometric: 262,
  fillOrder: 266, stripOffsets: 273, samplesPerPixel: 277, rowsPerStrip: 278,
  stripByteCounts: 279, planarConfig: 284,
} as const;

const COMPRESSION_NAMES: Readonly<Record<number, string>> = { 1: 'none', 2: 'CCITT MH', 32773: 'PackBits' };

/**
 * `decodeTiff(bytes, path)`: decodes the first image of a baseline TIFF, either byte order,
 * in strips.
 * - Compression: 1 (none), 32773 (PackBits), 2 (CCITT modified Huffman, bilevel only).
 * - Pixels: 1-bit bilevel and 8-bit gray with PhotometricInterpretation 0 (WhiteIsZero)
 *   or 1 (BlackIsZero), and 8-bit RGB (2, chunky). FillOrder 2 (LSB first) is honoured.
 * - Output: gray → 1 channel, RGB → 3; bilevel pixels are 0 (black) or 255 (white), so
 *   WhiteIsZero files come out the right way round.
 * Throws DataError (naming `path` and the reason) on anything corrupt, truncated or unsupported.
 */
export function decodeTiff(bytes: Uint8Array, path = '<bytes>'): DecodedImage {
  const fail = (reason: string): never => {
    throw new DataError(path, `decodeTiff: ${reason} in ${path}`);
  };
  const { tags } = readTiffTags(bytes, path);
  const one = (tag: number, fallback?: number): number => {
    const v = tags.get(tag)?.[0] ?? fallback;
    if (v === undefined) return fail(`missing required tag ${tag}`);
    return v;
  };
  const width = one(TAG.width);
  const height = one(TAG.height);
  if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) fail(`bad size ${width}x${height}`);
  const spp = one(TAG.samplesPerPixel, 1);
  const bpsList = tags.get(TAG.bitsPerSample) ?? [1];
  const bps = bpsList[0] ?? 1;
  if (bpsList.some((b) => b !== bps)) fail(`mixed bits per sample ${bpsList.join(',')}`);
  const compression = one(TAG.compression, 1);
  const photometric = one(TAG.photometric, spp === 3 ? 2 : bps === 1 ? 0 : 1);
  const fillOrder = one(TAG.fillOrder, 1);
  const rowsPerStrip = Math.min(one(TAG.rowsPerStrip, height), height);
  if (COMPRESSION_NAMES[compression] === undefined) fail(`unsupported compression ${compression}`);
  if (compression === 2 && bps !== 1) fail(`CCITT compression with ${bps} bits per sample`);
  const gray = spp === 1 && (photometric === 0 || photometric === 1) && (bps === 1 || bps === 8);
  const rgb = spp === 3 && photometric === 2 && bps === 8;
  if (!gray && !rgb) {
    fail(`unsupported pixel format: ${spp} sample(s) of ${bps} bit(s), photometric ${photometric}`);
  }
  if (spp > 1 && one(TAG.planarConfig, 1) !== 1) fail('unsupported planar configuration 2');
  if (fillOrder !== 1 && fillOrder !== 2) fail(`bad fill order ${fillOrder}`);
  if (rowsPerStrip <= 0) fail(`bad rows per strip ${rowsPerStrip}`);

  const rowBytes = Math.ceil((width * bps * spp) / 8);
  const strips = Math.ceil(height / rowsPerStrip);
  const offsets = tags.get(TAG.stripOffsets) ?? [];
  const counts = tags.get(TAG.stripByteCounts) ?? (compression === 1 && strips === 1 ? [rowBytes * height] : []);
  if (offsets.length < strips) fail(`${offsets.length} strip offsets for ${strips} strips`);
  if (counts.length < strips) fail(`${counts.length} strip byte counts for ${strips} strips`);

  const packed = new Uint8Array(rowBytes * height);
  for (let s = 0; s < strips; s++) {
    const rows = Math.min(rowsPerStrip, height - s * rowsPerStrip);
    const expected = rows * rowBytes;
    const start = offsets[s]!;
    const end = start + counts[s]!;
    if (end > bytes.length) fail(`strip ${s} (bytes ${start}..${end}) runs past the end (${bytes.length})`);
    let raw = bytes.subarray(start, end);
    if (fillOrder === 2) raw = reverseBits(raw);
    let strip: Uint8Array;
    try {
      if (compression === 2) strip = decodeCcittMh(raw, width, rows);
      else if (compression === 32773) strip = unpackBits(raw, expected);
      else if (raw.length < expected) throw new Error(`strip has ${raw.length} of ${expected} bytes`);
      else strip = raw.subarray(0, expected);
    } catch (err) {
      return fail(`strip ${s} (${COMPRESSION_NAMES[compression]}): ${(err as Error).message}`);
    }
    packed.set(strip, s * rowsPerStrip * rowBytes);
  }
  return toPixels(packed, width, height, bps, photometric, rgb ? 3 : 1);
}

function toPixels(
  packed: Uint8Array, width: number, height: number, bps: number, photometric: number, channels: 1 | 3,
): DecodedImage {
  if (channels === 3) return { width, height, channels, data: packed };
  const data = new Uint8Array(width * height);
  const invert = photometric === 0; // WhiteIsZero: a 0 sample is white
  if (bps === 8) {
    for (let i = 0; i < data.length; i++) data[i] = invert ? 255 - packed[i]! : packed[i]!;
    return { width, height, channels, data };
  }
  const rowBytes = Math.ceil(width / 8);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = (packed[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
      data[y * width + x] = bit === (invert ? 0 : 1) ? 255 : 0;
    }
  }
  return { width, height, channels, data };
}

function reverseBits(raw: Uint8Array): Uint8Array {
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    let b = raw[i]!;
    b = ((b & 0xf0) >> 4) | ((b & 0x0f) << 4);
    b = ((b & 0xcc) >> 2) | ((b & 0x33) << 2);
    out[i] = ((b & 0xaa) >> 1) | ((b & 0x55) << 1);
  }
  return out;
}
