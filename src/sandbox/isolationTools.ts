import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The OS tools the sandbox wraps the child in, where they exist and work (absolute paths). */
export interface IsolationTools {
  /** coreutils `timeout`: kills the child at the deadline even if the grader itself died. */
  readonly timeout: string | null;
  /** util-linux `prlimit`: caps the address space (RLIMIT_AS), bounding off-heap buffers. */
  readonly prlimit: string | null;
  /** util-linux `unshare --net`: a network namespace with no interfaces (needs root or user namespaces). */
  readonly unshareNet: string | null;
  /** The node flag that turns the permission model on (`--permission` from Node 22.13/23.5). */
  readonly permissionFlag: '--permission' | '--experimental-permission';
}

let cached: IsolationTools | undefined;

function which(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/bin', '/usr/sbin', '/sbin'];
  for (const d of dirs) {
    if (!d) continue;
    const p = path.join(d, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

/** True when `cmd args` runs and exits 0 within 5 s (a tool can exist and still be refused, e.g. unshare without privileges). */
const works = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore', timeout: 5000 }).status === 0;

/** Probes once per process which isolation tools work here. */
export function isolationTools(): IsolationTools {
  if (cached) return cached;
  const timeout = which('timeout');
  const prlimit = which('prlimit');
  const unshare = which('unshare');
  const t = which('true') ?? '/bin/true';
  cached = {
    timeout: timeout && works(timeout, ['5', t]) ? timeout : null,
    prlimit: prlimit && works(prlimit, [`--as=${2 ** 31}`, t]) ? prlimit : null,
    unshareNet: unshare && works(unshare, ['--net', t]) ? unshare : null,
    permissionFlag: process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission',
  };
  return cached;
}
