// A loopback HTTP server for the CIFAR fetch specs: one archive at one path, on startFileServer.
import { startFileServer, type FileServer } from './fileServer';

export interface CifarServer extends FileServer {
  /** The archive's URL. */
  readonly url: string;
  /** Range header of every request, '' when absent. */
  readonly ranges: string[];
}

export async function startCifarServer(body: Buffer, pathName = '/cifar-10-binary.tar.gz'): Promise<CifarServer> {
  const ranges: string[] = [];
  const server = await startFileServer({ [pathName]: body }, (_path, range) => ranges.push(range));
  return Object.assign(server, { url: `${server.base}${pathName}`, ranges });
}
