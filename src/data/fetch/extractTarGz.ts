import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { DataError } from '../../errors/DataError.js';
import { parseTarHeader } from './parseTarHeader.js';
import { safeEntryPath } from './safeEntryPath.js';

/** What the current body bytes are for: a file being written, a metadata record, or nothing. */
type Sink = { kind: 'file'; handle: FileHandle } | { kind: 'meta'; type: string; parts: Buffer[] } | { kind: 'skip' };

/**
 * Extracts a .tar.gz into `destDir` (which should be a fresh, empty folder), streaming: gunzip
 * by node:zlib, tar parsed here. Only regular files and directories are written; every path is
 * checked by safeEntryPath before anything is created, and links, devices and FIFOs are
 * rejected, so nothing can be written outside `destDir`. PAX `path` records and GNU long names
 * are honoured. Returns the entries' normalised relative paths. Throws a DataError naming the
 * archive for a corrupt or truncated archive or a rejected entry; the caller removes `destDir`.
 */
export async function extractTarGz(archive: string, destDir: string): Promise<string[]> {
  const root = path.resolve(destDir);
  const source = createReadStream(archive);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const written: string[] = [];
  let pending: Buffer = Buffer.alloc(0);
  let offset = 0; // bytes of tar consumed, for error messages
  let remaining = 0; // body bytes left of the current entry, padding included
  let bodyLeft = 0; // of which data (the rest is padding to 512)
  let sink: Sink = { kind: 'skip' };
  let longName: string | undefined;
  let ended = false;
  try {
    for await (const chunk of gunzip) {
      pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
      while (!ended) {
        if (remaining > 0) {
          const n = Math.min(remaining, pending.length);
          if (n === 0) break;
          const data = pending.subarray(0, Math.min(n, bodyLeft));
          if (data.length > 0) await feed(sink, data);
          bodyLeft -= data.length;
          remaining -= n;
          offset += n;
          pending = pending.subarray(n);
          if (remaining === 0) longName = await finish(sink, longName);
          continue;
        }
        if (pending.length < 512) break;
        const header = parseTarHeader(pending.subarray(0, 512), archive, offset);
        pending = pending.subarray(512);
        offset += 512;
        if (header === undefined) {
          ended = true;
          break;
        }
        const name = header.type === 'x' || header.type === 'g' || header.type === 'L' ? '' : (longName ?? header.name);
        if (name !== '') longName = undefined;
        sink = await open_(header.type, name);
        bodyLeft = header.size;
        remaining = Math.ceil(header.size / 512) * 512;
        if (remaining === 0) longName = await finish(sink, longName);
      }
    }
  } catch (error) {
    if (sink.kind === 'file') await sink.handle.close().catch(() => undefined);
    if (error instanceof DataError) throw error;
    throw new DataError(archive, `extractTarGz: ${archive} is not a readable .tar.gz: ${(error as Error).message}`, { cause: error });
  } finally {
    source.destroy();
  }
  if (!ended && (remaining > 0 || pending.length > 0)) {
    if (sink.kind === 'file') await sink.handle.close();
    throw new DataError(archive, `extractTarGz: ${archive} is truncated at tar byte ${offset}`);
  }
  return written;

  async function open_(type: string, name: string): Promise<Sink> {
    if (type === 'x' || type === 'g' || type === 'L') return { kind: 'meta', type, parts: [] };
    const rel = safeEntryPath(name, archive);
    if (type === '5') {
      if (rel !== '') await mkdir(path.join(root, rel), { recursive: true });
      if (rel !== '') written.push(rel);
      return { kind: 'skip' };
    }
    if (type !== '0' && type !== '\0' && type !== '7') {
      const what = type === '1' || type === '2' ? 'links are not allowed' : `entry type ${JSON.stringify(type)} is not supported`;
      throw new DataError(archive, `extractTarGz: unsafe entry ${JSON.stringify(name)} in ${archive}: ${what}`);
    }
    if (rel === '') throw new DataError(archive, `extractTarGz: file entry with empty path in ${archive}`);
    const target = path.join(root, rel);
    await mkdir(path.dirname(target), { recursive: true });
    written.push(rel);
    return { kind: 'file', handle: await open(target, 'w') };
  }
}

async function feed(sink: Sink, data: Buffer): Promise<void> {
  if (sink.kind === 'file') {
    let off = 0;
    while (off < data.length) off += (await sink.handle.write(data, off, data.length - off)).bytesWritten;
  } else if (sink.kind === 'meta') {
    sink.parts.push(Buffer.from(data));
  }
}

/** Closes a finished entry; a metadata record may name the next entry (returned). */
async function finish(sink: Sink, longName: string | undefined): Promise<string | undefined> {
  if (sink.kind === 'file') await sink.handle.close();
  if (sink.kind !== 'meta') return longName;
  const body = Buffer.concat(sink.parts);
  if (sink.type === 'L') return body.toString('utf8').replace(/\0+$/, '');
  if (sink.type === 'x') return paxPath(body) ?? longName;
  return longName;
}

/** The `path` record of a PAX extended header ("<len> path=<value>\n" records). */
function paxPath(body: Buffer): string | undefined {
  let pos = 0;
  let found: string | undefined;
  while (pos < body.length) {
    const space = body.indexOf(0x20, pos);
    const len = parseInt(body.toString('latin1', pos, space), 10);
    if (space === -1 || !Number.isSafeInteger(len) || len <= 0) break;
    const record = body.toString('utf8', space + 1, pos + len - 1);
    if (record.startsWith('path=')) found = record.slice(5);
    pos += len;
  }
  return found;
}
