import type { ImageFormat } from './ImageFormat.js';

/**
 * `sniffImageFormat(bytes)`: the format named by the file's leading magic bytes, or
 * `undefined`. File extensions are never consulted: data sets in the wild mix them up.
 * - BMP `42 4D` ("BM"), TIFF `49 49 2A 00` / `4D 4D 00 2A`, PNG `89 50 4E 47 0D 0A 1A 0A`,
 *   JPEG `FF D8 FF`.
 */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  const b = (i: number): number => bytes[i] ?? -1;
  if (b(0) === 0x42 && b(1) === 0x4d) return 'bmp';
  if (b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0x00) return 'tiff';
  if (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0x00 && b(3) === 0x2a) return 'tiff';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((v, i) => b(i) === v)) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  return undefined;
}
