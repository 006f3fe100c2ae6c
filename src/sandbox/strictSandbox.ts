import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isolationTools } from './isolationTools.js';
import { runnerDir } from './runnerDir.js';
import { SECCOMP_FD, strictArgv } from './sandboxArgv.js';
import { socketFilter } from './socketFilter.js';

/** Whether the strict (bubblewrap) sandbox can run here, and how. */
export type StrictSupport =
  | { readonly ok: true; readonly dropUid: boolean; readonly seccomp: boolean }
  | { readonly ok: false; readonly problem: string };

let cached: StrictSupport | undefined;
let nextUid = 0;

/** The seccomp program's file, written once beside the runner copy (null where the architecture is unknown). */
export function seccompFile(): string | null {
  const prog = socketFilter();
  if (!prog) return null;
  const file = path.join(runnerDir(), 'sockets.bpf');
  if (!existsSync(file)) writeFileSync(file, prog, { mode: 0o644 });
  return file;
}

/**
 * A uid/gid of the child's own for a root grader: one per sandbox from a range no account uses,
 * so RLIMIT_NPROC counts only that sandbox and no two sandboxes of one grader share a uid.
 */
export function sandboxUid(): number {
  return 2_000_000 + (process.pid % 4096) * 256 + (nextUid++ % 256);
}

/**
 * Probes once per process, by starting `node -e 0` in the strict sandbox exactly as a submission
 * would be (namespaces, binds, seccomp, rlimits; a uid of its own when the grader is root).
 * When that fails as another uid but works with the grader's own (mapped to 65534 inside), the
 * sandbox runs so and says it. `problem` names what is missing, for a one-line refusal.
 */
export function strictSandboxSupport(): StrictSupport {
  if (cached) return cached;
  const tools = isolationTools();
  if (!tools.bwrap) return (cached = { ok: false, problem: 'bubblewrap (bwrap) is not installed (Debian: apt-get install bubblewrap)' });
  if (!tools.prlimit) return (cached = { ok: false, problem: 'prlimit (util-linux) is not installed or not permitted' });
  const bpf = seccompFile();
  const attempt = (uid: number | null): string | null => {
    const fd = bpf ? openSync(bpf, 'r') : null;
    try {
      const dir = runnerDir();
      const { command, args } = strictArgv({
        dir, entryName: 'runner.mjs', runnerDir: dir, limits: { timeoutMs: 5000, memoryMb: 64 }, tools, uid, cgroupProcs: [], seccomp: fd !== null, nodeArgs: ['-e', '0'],
      });
      const stdio: ('ignore' | 'pipe' | number)[] = ['ignore', 'ignore', 'pipe', 'ignore', 'ignore'];
      stdio[SECCOMP_FD] = fd ?? 'ignore';
      const r = spawnSync(command, args, { stdio, timeout: 10_000, env: {} });
      if (r.status === 0) return null;
      const said = (r.stderr?.toString('utf8') ?? '').trim().split('\n')[0];
      return said || (r.error ? r.error.message : `exit ${r.status ?? r.signal}`);
    } finally {
      if (fd !== null) closeSync(fd);
    }
  };
  if (tools.root && tools.setpriv) {
    if (attempt(sandboxUid()) === null) return (cached = { ok: true, dropUid: true, seccomp: bpf !== null });
  }
  const why = attempt(null);
  cached = why === null ? { ok: true, dropUid: false, seccomp: bpf !== null } : { ok: false, problem: `bubblewrap cannot make the sandbox here (${why.slice(0, 200)})` };
  return cached;
}
