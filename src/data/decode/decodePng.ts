import { PNG } from 'pngjs';
import { DataError } from '../../errors/DataError.js';
import type { DecodedImage } from './DecodedImage.js';

/**
 * `decodePng(bytes, path)`: decodes a PNG with pngjs (CRCs checked). Gray and gray+alpha files
 * give 1 channel, everything else (RGB, RGBA, palette) 3; 16-bit samples are scaled to 8 bits.
 * Alpha is dropped, not composited, as PIL's `convert('RGB')` / `convert('L')` do.
 * Throws DataError naming `path` when pngjs rejects the file.
 */
export function decodePng(bytes: Uint8Array, path = '<bytes>'): DecodedImage {
  let png: ReturnType<typeof PNG.sync.read>;
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (err) {
    throw new DataError(path, `decodePng: corrupt PNG (${(err as Error).message}) in ${path}`, { cause: err });
  }
  const { width, height, data: rgba } = png;
  const channels: 1 | 3 = png.colorType === 0 || png.colorType === 4 ? 1 : 3;
  if (rgba.length < width * height * 4) {
    throw new DataError(path, `decodePng: pixel data shorter than ${width}x${height} in ${path}`);
  }
  const data = new Uint8Array(width * height * channels);
  for (let i = 0, o = 0; i < width * height; i++) {
    for (let c = 0; c < channels; c++) data[o++] = rgba[i * 4 + c]!;
  }
  return { width, height, channels, data };
}
