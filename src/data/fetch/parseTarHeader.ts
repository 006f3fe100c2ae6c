import { DataError } from '../../errors/DataError.js';

/** One parsed 512-byte tar header. `type` is the typeflag character ('0' file, '5' dir…). */
export interface TarHeader {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/**
 * Parses a ustar (POSIX or GNU) header block, or returns `undefined` for an all-zero block (end
 * of archive). Verifies the header checksum so garbage is not taken for an entry. Sizes may be
 * octal or GNU base-256. Throws a DataError naming `archive` and the byte `offset` otherwise.
 */
export function parseTarHeader(block: Uint8Array, archive: string, offset: number): TarHeader | undefined {
  if (block.every((b) => b === 0)) return undefined;
  const fail = (why: string): never => {
    throw new DataError(archive, `extractTarGz: bad tar header at byte ${offset} of ${archive}: ${why}`);
  };
  if (block.length !== 512) fail(`block is ${block.length} bytes`);
  // The checksum is the byte sum of the header with its own field read as eight spaces.
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  const stored = octal(block, 148, 8);
  if (stored === undefined || stored !== sum) fail(`checksum ${String(stored)} does not match ${sum}`);
  const size = (block[124]! & 0x80) !== 0 ? base256(block, 124, 12) : octal(block, 124, 12);
  if (size === undefined || !Number.isSafeInteger(size)) fail('unreadable size field');
  const magic = text(block, 257, 6);
  const name = text(block, 0, 100);
  // POSIX ustar keeps a path prefix at 345; GNU tar uses those bytes for other fields.
  const prefix = magic === 'ustar' && text(block, 263, 2) === '00' ? text(block, 345, 155) : '';
  return { name: prefix === '' ? name : `${prefix}/${name}`, size: size!, type: String.fromCharCode(block[156]!) };
}

function text(block: Uint8Array, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return Buffer.from(end === -1 ? field : field.subarray(0, end)).toString('utf8');
}

function octal(block: Uint8Array, start: number, length: number): number | undefined {
  const s = text(block, start, length).trim();
  return /^[0-7]+$/.test(s) ? parseInt(s, 8) : undefined;
}

function base256(block: Uint8Array, start: number, length: number): number {
  let v = block[start]! & 0x7f;
  for (let i = start + 1; i < start + length; i++) v = v * 256 + block[i]!;
  return v;
}
