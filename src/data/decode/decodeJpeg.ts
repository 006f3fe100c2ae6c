import jpeg from 'jpeg-js';
import { DataError } from '../../errors/DataError.js';
import type { DecodedImage } from './DecodedImage.js';

/**
 * `decodeJpeg(bytes, path)`: decodes a baseline or progressive JPEG with jpeg-js. Grayscale
 * (one-component) files give 1 channel, colour files 3 (RGB). Decoding is strict: a stream
 * that breaks off or has bad Huffman data is an error, not a half-gray picture.
 * jpeg-js upsamples chroma differently from libjpeg (PIL, torchvision): pixels can differ by a
 * few levels, about 1.5/255 on average for 4:2:0 files.
 * Throws DataError naming `path` when the file is corrupt, truncated or unsupported.
 */
export function decodeJpeg(bytes: Uint8Array, path = '<bytes>'): DecodedImage {
  const fail = (reason: string, cause?: unknown): never => {
    throw new DataError(path, `decodeJpeg: ${reason} in ${path}`, { cause });
  };
  const components = frameComponents(bytes);
  if (components === undefined) fail('no JPEG frame header (SOF) found');
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, tolerantDecoding: false, maxResolutionInMP: 64 });
  } catch (err) {
    return fail(`corrupt JPEG (${err instanceof Error ? err.message : String(err)})`, err);
  }
  const { width, height, data: rgb } = decoded;
  if (width <= 0 || height <= 0) fail(`bad size ${width}x${height}`);
  if (components !== 1) return { width, height, channels: 3, data: rgb };
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = rgb[i * 3]!; // jpeg-js replicated the gray
  return { width, height, channels: 1, data };
}

/** Number of colour components in the first SOFn segment, or undefined if there is none. */
function frameComponents(bytes: Uint8Array): number | undefined {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return bytes[i + 9];
    if (marker === 0xda) return undefined; // scan data before any frame header
    i += 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
  }
  return undefined;
}
