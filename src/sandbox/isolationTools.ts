import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The OS tools the sandbox wraps the child in, where they exist and work (absolute paths). */
export interface IsolationTools {
  /**
   * bubblewrap: namespaces (user, PID, network, IPC, UTS, mount, cgroup), a private tmpfs, seccomp.
   * `$GRADPROOF_BWRAP` names another build of it (or, naming nothing runnable, none).
   */
  readonly bwrap: string | null;
  /** util-linux `setpriv`: drops a root grader's child to an unprivileged uid/gid before bwrap. */
  readonly setpriv: string | null;
  /** util-linux `prlimit`: rlimits (address space, processes, open files, file size, CPU). */
  readonly prlimit: string | null;
  /** coreutils `timeout` (weak sandbox only): kills the child at the deadline even if the grader died. */
  readonly timeout: string | null;
  /** util-linux `unshare --net` (weak sandbox only): a network namespace with no interfaces. */
  readonly unshareNet: string | null;
  /** The node flag that turns the permission model on (`--permission` from Node 22.13/23.5). */
  readonly permissionFlag: '--permission' | '--experimental-permission';
  /** True when this process runs as root, so the child can get a uid of its own (setpriv). */
  readonly root: boolean;
}

let cached: IsolationTools | undefined;

/** The absolute path of `name` on PATH or in the system folders, or null. */
export function which(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/bin', '/usr/sbin', '/sbin'];
  for (const d of dirs) {
    if (!d || !path.isAbsolute(d)) continue;
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

function executable(p: string): string | null {
  try {
    accessSync(p, constants.X_OK);
    return path.resolve(p);
  } catch {
    return null;
  }
}

/** True when `cmd args` runs and exits 0 within 5 s (a tool can exist and still be refused, e.g. unshare without privileges). */
export const works = (cmd: string, args: readonly string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore', timeout: 5000 }).status === 0;

/** Probes once per process which isolation tools exist (whether bwrap can make namespaces is strictSandbox's probe). */
export function isolationTools(): IsolationTools {
  if (cached) return cached;
  const timeout = which('timeout');
  const prlimit = which('prlimit');
  const unshare = which('unshare');
  const t = which('true') ?? '/bin/true';
  cached = {
    bwrap: process.env.GRADPROOF_BWRAP !== undefined ? executable(process.env.GRADPROOF_BWRAP) : which('bwrap'),
    setpriv: which('setpriv'),
    prlimit: prlimit && works(prlimit, [`--as=${2 ** 31}`, t]) ? prlimit : null,
    timeout: timeout && works(timeout, ['5', t]) ? timeout : null,
    unshareNet: unshare && works(unshare, ['--net', t]) ? unshare : null,
    permissionFlag: process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission',
    root: process.getuid?.() === 0,
  };
  return cached;
}
