import { DataError } from '../../errors/DataError.js';

/** The first image file directory of a TIFF: tag number → its values (integers only). */
export interface TiffTags {
  readonly littleEndian: boolean;
  readonly tags: ReadonlyMap<number, readonly number[]>;
}

/** Bytes per value of the TIFF field types we read: BYTE, ASCII, SHORT, LONG, RATIONAL, … */
const TYPE_SIZE: Readonly<Record<number, number>> = {
  1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8,
};

/**
 * `readTiffTags(bytes, path)`: parses the header and the first IFD of a TIFF file, either byte
 * order. Integer fields (BYTE, SHORT, LONG and their signed forms) are returned as numbers;
 * other types are recorded with no values, since baseline decoding never needs them.
 * Throws DataError naming `path` when the header or the directory is malformed or truncated.
 */
export function readTiffTags(bytes: Uint8Array, path: string): TiffTags {
  const fail = (reason: string): never => {
    throw new DataError(path, `decodeTiff: ${reason} in ${path}`);
  };
  if (bytes.length < 8) fail(`file too short (${bytes.length} bytes)`);
  const order = String.fromCharCode(bytes[0]!, bytes[1]!);
  if (order !== 'II' && order !== 'MM') fail('not a TIFF file (no II/MM byte-order mark)');
  const le = order === 'II';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(2, le) !== 42) fail(`bad TIFF magic ${view.getUint16(2, le)}`);
  const ifd = view.getUint32(4, le);
  if (ifd < 8 || ifd + 2 > bytes.length) fail(`IFD offset ${ifd} outside the file`);
  const count = view.getUint16(ifd, le);
  if (ifd + 2 + count * 12 > bytes.length) fail(`truncated IFD (${count} entries)`);

  const tags = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    const tag = view.getUint16(entry, le);
    const type = view.getUint16(entry + 2, le);
    const n = view.getUint32(entry + 4, le);
    const size = TYPE_SIZE[type];
    if (size === undefined) fail(`tag ${tag} has unknown field type ${type}`);
    const total = size! * n;
    const at = total <= 4 ? entry + 8 : view.getUint32(entry + 8, le);
    if (at + total > bytes.length) fail(`tag ${tag} values (${n}) run past the end of the file`);
    const values: number[] = [];
    if ([1, 3, 4, 6, 8, 9].includes(type)) {
      for (let k = 0; k < n; k++) values.push(readInt(view, at + k * size!, type, le));
    }
    tags.set(tag, values);
  }
  return { littleEndian: le, tags };
}

function readInt(view: DataView, at: number, type: number, le: boolean): number {
  switch (type) {
    case 1: return view.getUint8(at);
    case 6: return view.getInt8(at);
    case 3: return view.getUint16(at, le);
    case 8: return view.getInt16(at, le);
    case 4: return view.getUint32(at, le);
    default: return view.getInt32(at, le);
  }
}
