// Hand-built ustar archives for specs, so hostile entries ('../evil', links) can be made at will.
import { gzipSync } from 'node:zlib';

export interface TarEntry {
  readonly name: string;
  readonly data?: Uint8Array | string;
  /** typeflag: '0' file (default), '5' dir, '2' symlink, 'x' pax, 'L' GNU long name. */
  readonly type?: string;
  readonly linkname?: string;
}

function header(e: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(e.name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'latin1');
  h.write('0000000\0', 108, 'latin1');
  h.write('0000000\0', 116, 'latin1');
  h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'latin1');
  h.write('14000000000\0', 136, 'latin1');
  h.write(e.type ?? '0', 156, 'latin1');
  if (e.linkname !== undefined) h.write(e.linkname, 157, 100, 'utf8');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return h;
}

/** An uncompressed tar of `entries`, ended by two zero blocks. */
export function makeTar(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data) : Buffer.from(e.data ?? new Uint8Array());
    parts.push(header(e, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export function makeTarGz(entries: readonly TarEntry[]): Buffer {
  return gzipSync(makeTar(entries));
}

/** A PAX extended-header body setting `path`. */
export function paxPath(p: string): string {
  const body = ` path=${p}\n`;
  let len = body.length;
  while (`${len}${body}`.length !== len) len = `${len}${body}`.length;
  return `${len}${body}`;
}
