import { open, rm, stat } from 'node:fs/promises';
import { DataError } from '../../errors/DataError.js';

/** Options of `downloadResumable`. */
export interface DownloadOptions {
  readonly url: string;
  /** File the bytes are appended to; kept when interrupted so the next call resumes. */
  readonly file: string;
  readonly fetchImpl?: typeof fetch;
  readonly onProgress?: (done: number, total: number | undefined) => void;
  /** Name used at the start of error messages. */
  readonly api?: string;
  /**
   * Refuse a body larger than this (bytes), before writing when the server says its size, else
   * as soon as it is exceeded; the download is removed. Guards the disk against a wrong URL.
   */
  readonly maxBytes?: number;
}

/**
 * Downloads `url` into `file`, resuming: when `file` already holds N bytes it asks for
 * `Range: bytes=N-` and appends on 206 Partial Content, or starts over on a 200 (the server
 * ignored the range) or a 416 that does not say the file is complete. Streams to disk. An
 * interrupted transfer keeps the bytes received and throws a DataError saying to run again;
 * an HTTP error status throws a DataError naming the URL and status. A body over `maxBytes`
 * is removed and refused.
 */
export async function downloadResumable(options: DownloadOptions): Promise<{ bytes: number }> {
  const { url, file } = options;
  const api = options.api ?? 'download';
  const fetchImpl = options.fetchImpl ?? fetch;
  const maxBytes = options.maxBytes ?? Infinity;
  let have = await stat(file).then((s) => s.size, () => 0);
  if (have > maxBytes) {
    await rm(file, { force: true });
    have = 0;
  }
  let res: Response;
  try {
    res = await fetchImpl(url, have > 0 ? { headers: { Range: `bytes=${have}-` } } : {});
  } catch (error) {
    throw new DataError(url, `${api}: cannot reach ${url}: ${causeOf(error)}`, { cause: error });
  }
  const range = parseContentRange(res.headers.get('content-range'));
  if (res.status === 416 && have > 0) {
    await res.body?.cancel();
    if (range?.total === have) return { bytes: have };
    await rm(file, { force: true });
    return downloadResumable(options);
  }
  const resumed = res.status === 206 && have > 0 && range?.start === have;
  if (res.status === 206 && !resumed && have > 0) {
    // A range we did not ask for: start over rather than splice mismatched bytes.
    await res.body?.cancel();
    await rm(file, { force: true });
    return downloadResumable(options);
  }
  if (!resumed && res.status !== 200) {
    await res.body?.cancel();
    throw new DataError(url, `${api}: GET ${url} failed: HTTP ${res.status} ${res.statusText}`.trimEnd());
  }
  let done = resumed ? have : 0;
  const length = Number(res.headers.get('content-length') ?? NaN);
  const total = range?.total ?? (Number.isFinite(length) ? done + length : undefined);
  if (total !== undefined && total > maxBytes) {
    await res.body?.cancel();
    return refuse(`is ${total} bytes`);
  }
  const handle = await open(file, resumed ? 'a' : 'w');
  let over = false;
  try {
    if (res.body !== null) {
      for await (const chunk of res.body) {
        const bytes = chunk as Uint8Array;
        let off = 0;
        while (off < bytes.length) off += (await handle.write(bytes, off, bytes.length - off)).bytesWritten;
        done += bytes.length;
        if (done > maxBytes) {
          over = true;
          break;
        }
        options.onProgress?.(done, total);
      }
    }
  } catch (error) {
    throw new DataError(
      url,
      `${api}: download of ${url} interrupted after ${done} of ${total ?? '?'} bytes (${causeOf(error)}); run again to resume`,
      { cause: error },
    );
  } finally {
    await handle.close();
  }
  if (over) return refuse(`sent ${done} bytes`);
  if (total !== undefined && done !== total) {
    throw new DataError(url, `${api}: download of ${url} ended after ${done} of ${total} bytes; run again to resume`);
  }
  return { bytes: done };

  async function refuse(what: string): Promise<never> {
    await rm(file, { force: true });
    throw new DataError(url, `${api}: ${url} ${what}, more than the ${maxBytes} expected; removed the download`);
  }
}

function parseContentRange(value: string | null): { start?: number; total?: number } | undefined {
  const m = value === null ? null : /^bytes (?:(\d+)-\d+|\*)\/(\d+|\*)$/.exec(value.trim());
  if (m === null) return undefined;
  return {
    ...(m[1] !== undefined && { start: Number(m[1]) }),
    ...(m[2] !== '*' && { total: Number(m[2]) }),
  };
}

function causeOf(error: unknown): string {
  const e = error as Error & { cause?: unknown };
  const inner = e.cause instanceof Error ? `: ${e.cause.message}` : '';
  return `${e.message}${inner}`;
}
