import { DataError } from '../../errors/DataError.js';
import type { DecodedImage } from './DecodedImage.js';

/** Largest image we agree to allocate for (pixels); guards against garbage headers. */
const MAX_PIXELS = 1 << 26;

/**
 * `decodeBmp(bytes, path)`: decodes an uncompressed Windows BMP.
 * - 1, 4 and 8 bits per pixel through the file's palette (so a 1-bit file whose palette is
 *   [white, black] decodes with white = 255), 24-bit BGR and 32-bit BGRX (BI_RGB, or
 *   BI_BITFIELDS with byte-aligned masks).
 * - Bottom-up (positive height, the usual case) and top-down (negative height) row order;
 *   row 0 of the result is always the top of the picture.
 * - A palette whose colours are all gray gives a 1-channel image, otherwise 3 channels.
 * Throws DataError (naming `path` and the reason) on anything corrupt, truncated or unsupported.
 */
export function decodeBmp(bytes: Uint8Array, path = '<bytes>'): DecodedImage {
  const fail = (reason: string): never => {
    throw new DataError(path, `decodeBmp: ${reason} in ${path}`);
  };
  if (bytes.length < 26) fail(`file too short (${bytes.length} bytes)`);
  if (bytes[0] !== 0x42 || bytes[1] !== 0x4d) fail('not a BMP file (no "BM" signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  const core = headerSize === 12;
  if (!core && headerSize < 40) fail(`unsupported DIB header size ${headerSize}`);
  if (14 + headerSize > bytes.length) fail(`truncated header (${bytes.length} bytes)`);
  const width = core ? view.getUint16(18, true) : view.getInt32(18, true);
  const rawHeight = core ? view.getInt16(20, true) : view.getInt32(22, true);
  const bitCount = view.getUint16(core ? 24 : 28, true);
  const compression = core ? 0 : view.getUint32(30, true);
  const height = Math.abs(rawHeight);
  const topDown = rawHeight < 0;
  if (width <= 0 || height === 0 || width * height > MAX_PIXELS) fail(`bad size ${width}x${rawHeight}`);
  if (![1, 4, 8, 24, 32].includes(bitCount)) fail(`unsupported bit depth ${bitCount}`);

  let palette: Uint8Array | undefined;
  let masks: [number, number, number] = [0xff0000, 0xff00, 0xff];
  if (bitCount <= 8) {
    if (compression !== 0) fail(`unsupported compression ${compression} for ${bitCount}-bit`);
    const used = core ? 0 : view.getUint32(46, true);
    const entries = used === 0 ? 1 << bitCount : Math.min(used, 1 << bitCount);
    const entrySize = core ? 3 : 4;
    const start = 14 + headerSize;
    if (start + entries * entrySize > bytes.length) fail(`truncated palette (${entries} entries)`);
    palette = new Uint8Array(entries * 3);
    for (let i = 0; i < entries; i++) {
      const at = start + i * entrySize; // stored B, G, R(, reserved)
      palette[i * 3] = bytes[at + 2]!;
      palette[i * 3 + 1] = bytes[at + 1]!;
      palette[i * 3 + 2] = bytes[at]!;
    }
  } else if (compression === 3 && bitCount === 32) {
    // BI_BITFIELDS: masks follow a 40-byte header, or sit inside V2+ headers at the same place.
    if (54 + 12 > bytes.length) fail('truncated colour masks');
    masks = [view.getUint32(54, true), view.getUint32(58, true), view.getUint32(62, true)];
    if (!masks.every((m) => [0xff, 0xff00, 0xff0000, 0xff000000].includes(m))) {
      fail(`unsupported colour masks ${masks.map((m) => '0x' + m.toString(16)).join(',')}`);
    }
  } else if (compression !== 0) {
    fail(`unsupported compression ${compression} for ${bitCount}-bit`);
  }

  const stride = Math.floor((bitCount * width + 31) / 32) * 4;
  if (dataOffset + stride * height > bytes.length) {
    fail(`truncated pixel data (need ${dataOffset + stride * height} bytes, have ${bytes.length})`);
  }
  const gray = palette !== undefined && isGrayPalette(palette);
  const channels: 1 | 3 = gray ? 1 : 3;
  const out = new Uint8Array(width * height * channels);
  const shifts = masks.map((m) => Math.log2(m / 0xff));
  for (let y = 0; y < height; y++) {
    const row = dataOffset + stride * (topDown ? y : height - 1 - y);
    let o = y * width * channels;
    for (let x = 0; x < width; x++) {
      if (palette !== undefined) {
        const bit = x * bitCount;
        const byte = bytes[row + (bit >> 3)]!;
        const index = (byte >> (8 - bitCount - (bit & 7))) & ((1 << bitCount) - 1);
        if (index * 3 >= palette.length) fail(`palette index ${index} out of range at (${x}, ${y})`);
        if (gray) out[o++] = palette[index * 3]!;
        else for (let c = 0; c < 3; c++) out[o++] = palette[index * 3 + c]!;
      } else if (bitCount === 24) {
        const p = row + x * 3;
        out[o++] = bytes[p + 2]!;
        out[o++] = bytes[p + 1]!;
        out[o++] = bytes[p]!;
      } else {
        const v = view.getUint32(row + x * 4, true);
        for (let c = 0; c < 3; c++) out[o++] = (v / 2 ** shifts[c]!) & 0xff;
      }
    }
  }
  return { width, height, channels, data: out };
}

function isGrayPalette(palette: Uint8Array): boolean {
  for (let i = 0; i < palette.length; i += 3) {
    if (palette[i] !== palette[i + 1] || palette[i] !== palette[i + 2]) return false;
  }
  return true;
}
