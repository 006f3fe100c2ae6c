// A loopback HTTP server for fetch specs: serves a few bodies by path with Range support and can
// cut a response off halfway, as a flaky network would.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileServer {
  /** `http://127.0.0.1:PORT` (no trailing slash); a file's URL is base + its path. */
  readonly base: string;
  /** `<path> <Range header>` of every request (the header '' when absent). */
  readonly requests: string[];
  /** When set, the next full or partial response stops after this many body bytes and the socket is destroyed. */
  cutAfter: number | undefined;
  /** Respond with this status instead of serving the body. */
  status: number | undefined;
  close(): Promise<void>;
}

/** Serves `files` by path; `onRequest` sees each request's path and Range header ('' when absent). */
export async function startFileServer(
  files: Readonly<Record<string, Buffer>>,
  onRequest?: (path: string, range: string) => void,
): Promise<FileServer> {
  const state: FileServer = {
    base: '',
    requests: [],
    cutAfter: undefined,
    status: undefined,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((req, res) => {
    state.requests.push(`${req.url ?? ''} ${req.headers.range ?? ''}`);
    onRequest?.(req.url ?? '', req.headers.range ?? '');
    const body = files[req.url ?? ''];
    if (state.status !== undefined || body === undefined) {
      res.writeHead(state.status ?? 404, { 'content-type': 'text/plain' }).end('no');
      return;
    }
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = m === null ? 0 : Number(m[1]);
    if (start >= body.length && m !== null) {
      res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
      return;
    }
    const part = body.subarray(start);
    res.writeHead(m === null ? 200 : 206, {
      'content-length': String(part.length),
      ...(m !== null && { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` }),
    });
    const cut = state.cutAfter;
    if (cut === undefined) {
      res.end(part);
      return;
    }
    state.cutAfter = undefined;
    res.write(part.subarray(0, cut), () => setTimeout(() => res.socket?.destroy(), 20));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, { base: `http://127.0.0.1:${port}` });
}
