import { DataError } from '../../errors/DataError.js';
import { GradproofError } from '../../errors/GradproofError.js';
import type { DecodedImage } from './DecodedImage.js';
import { decodeBmp } from './decodeBmp.js';
import { decodeJpeg } from './decodeJpeg.js';
import { decodePng } from './decodePng.js';
import { decodeTiff } from './decodeTiff.js';
import { sniffImageFormat } from './sniffImageFormat.js';

/**
 * `decodeImage(bytes, pathForErrors)`: decodes a BMP, TIFF, PNG or JPEG, choosing the decoder
 * from the leading magic bytes (never the file extension: a `.tiff` that is really a BMP
 * decodes as a BMP). Throws DataError naming the path and the reason for an empty file, an
 * unknown format, or any failure inside a decoder.
 */
export function decodeImage(bytes: Uint8Array, pathForErrors = '<bytes>'): DecodedImage {
  const path = pathForErrors;
  if (bytes.length === 0) throw new DataError(path, `decodeImage: empty file (0 bytes) in ${path}`);
  const format = sniffImageFormat(bytes);
  try {
    switch (format) {
      case 'bmp': return decodeBmp(bytes, path);
      case 'tiff': return decodeTiff(bytes, path);
      case 'png': return decodePng(bytes, path);
      case 'jpeg': return decodeJpeg(bytes, path);
      case undefined: {
        const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
        throw new DataError(path, `decodeImage: unknown image format (first bytes ${head}) in ${path}`);
      }
      default: {
        const never: never = format;
        throw new DataError(path, `decodeImage: no decoder for ${String(never)} in ${path}`);
      }
    }
  } catch (err) {
    if (err instanceof GradproofError) throw err;
    // A decoder bug or an unforeseen corruption (e.g. a RangeError) is still a bad file to the caller.
    const reason = err instanceof Error ? err.message : String(err);
    throw new DataError(path, `decodeImage: corrupt ${format} file (${reason}) in ${path}`, { cause: err });
  }
}
