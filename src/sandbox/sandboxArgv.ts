import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IsolationTools } from './isolationTools.js';
import { ADDRESS_SPACE_HEADROOM_MB, type SandboxLimits } from './SandboxLimits.js';

/** The child-side runner as shipped; the strict sandbox runs a world-readable copy (runnerDir). */
export const RUNNER_PATH = fileURLToPath(new URL('./child/runner.mjs', import.meta.url));

/** Where the strict sandbox shows the runner and the submission (read-only binds). */
export const INNER_RUNNER = '/gradproof/runner.mjs';
export const INNER_SUBMISSION = '/submission';

/** Child file descriptors beyond stdio: replies (3) and the seccomp program bwrap loads (4). */
export const REPLY_FD = 3;
export const SECCOMP_FD = 4;

/** The rlimits every strict sandbox gets, beside the address space (which follows the memory limit). */
export const SANDBOX_RLIMITS = { nofile: 256, nproc: 128, fsizeBytes: 16 * 1024 * 1024, tmpfsBytes: 32 * 1024 * 1024 } as const;

/** Everything the strict command line depends on. */
export interface StrictPlan {
  /** Host folder holding only the submission copy; bound read-only at /submission. */
  readonly dir: string;
  /** The module's file name inside `dir`. */
  readonly entryName: string;
  /** Host folder holding a world-readable copy of runner.mjs; bound read-only at /gradproof. */
  readonly runnerDir: string;
  readonly limits: SandboxLimits;
  readonly tools: IsolationTools;
  /** An unprivileged uid/gid for the child (a root grader drops to it with setpriv), else null. */
  readonly uid: number | null;
  /** cgroup.procs files the first process joins before anything else runs. */
  readonly cgroupProcs: readonly string[];
  /** True when the seccomp program is passed on SECCOMP_FD. */
  readonly seccomp: boolean;
  /** Node's arguments instead of the runner's (the support probe runs `-e 0`). */
  readonly nodeArgs?: readonly string[];
}

/** System folders the child needs to run Node (read-only); a symlinked one is recreated as a symlink. */
const SYSTEM_PATHS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

/** Node's own command line inside either sandbox: the permission model reads only the runner and the submission. */
function nodeArgs(runner: string, dir: string, entry: string, limits: SandboxLimits, tools: IsolationTools): string[] {
  return [
    tools.permissionFlag,
    `--allow-fs-read=${runner}`,
    `--allow-fs-read=${dir.endsWith('/') ? dir : `${dir}/`}`,
    `--max-old-space-size=${Math.max(16, Math.floor(limits.memoryMb))}`,
    '--no-addons',
    '--no-warnings',
    runner,
    entry,
  ];
}

/**
 * The strict sandbox's command line, outermost first: `sh` joins the cgroup and execs `prlimit`
 * (rlimits), which execs `setpriv` (a root grader's child drops to `uid`), which execs `bwrap`:
 * new user, PID, network, IPC, UTS, mount and cgroup namespaces, uid/gid 65534 inside, the system
 * folders, the Node binary, the runner and the submission read-only, a fresh size-capped tmpfs as
 * the only writable place (and the working folder), an empty environment, `--die-with-parent`,
 * `--new-session`, the socket filter; then Node under its permission model. Each wrapper execs
 * the next, so the spawned pid is bwrap's, and killing it kills the whole PID namespace.
 */
export function strictArgv(plan: StrictPlan): { command: string; args: string[] } {
  const { tools, limits } = plan;
  const node = realpathSync(process.execPath);
  const bwrap = [tools.bwrap!, '--unshare-all', '--uid', '65534', '--gid', '65534', '--hostname', 'sandbox', '--die-with-parent', '--new-session', '--clearenv'];
  for (const p of SYSTEM_PATHS) {
    const kind = lstatOrNull(p);
    if (kind === 'symlink') bwrap.push('--symlink', readlinkSync(p), p);
    else if (kind === 'dir') bwrap.push('--ro-bind', p, p);
  }
  bwrap.push('--ro-bind-try', '/etc/ld.so.cache', '/etc/ld.so.cache');
  if (!node.startsWith('/usr/')) bwrap.push('--ro-bind', node, node);
  bwrap.push('--ro-bind', plan.runnerDir, '/gradproof', '--ro-bind', plan.dir, INNER_SUBMISSION);
  bwrap.push('--proc', '/proc', '--dev', '/dev', '--size', String(SANDBOX_RLIMITS.tmpfsBytes), '--tmpfs', '/tmp', '--chdir', '/tmp');
  if (plan.seccomp) bwrap.push('--seccomp', String(SECCOMP_FD));
  bwrap.push(node, ...(plan.nodeArgs ?? nodeArgs(INNER_RUNNER, INNER_SUBMISSION, `${INNER_SUBMISSION}/${plan.entryName}`, limits, tools)));

  const wrap: string[] = [];
  if (plan.cgroupProcs.length > 0) {
    // "$$" is the shell itself, which then execs the rest: nothing runs outside the cgroup.
    wrap.push('/bin/sh', '-c', 'while [ "$1" != -- ]; do echo $$ > "$1" || exit 125; shift; done; shift; exec "$@"', 'sh', ...plan.cgroupProcs, '--');
  }
  if (tools.prlimit) {
    const asBytes = (Math.floor(limits.memoryMb) + ADDRESS_SPACE_HEADROOM_MB) * 1024 * 1024;
    const cpu = Math.ceil(limits.timeoutMs / 1000) + 2;
    wrap.push(tools.prlimit, `--as=${asBytes}`, `--nofile=${SANDBOX_RLIMITS.nofile}`, `--fsize=${SANDBOX_RLIMITS.fsizeBytes}`, `--cpu=${cpu}`, '--core=0');
    // RLIMIT_NPROC counts every process of the real uid: only meaningful for a uid of the child's own.
    if (plan.uid !== null) wrap.push(`--nproc=${SANDBOX_RLIMITS.nproc}`);
  }
  if (plan.uid !== null) wrap.push(tools.setpriv!, `--reuid=${plan.uid}`, `--regid=${plan.uid}`, '--clear-groups', '--inh-caps=-all');
  const argv = [...wrap, ...bwrap];
  return { command: argv[0]!, args: argv.slice(1) };
}

/**
 * The weak sandbox's command line (`--weak-sandbox`, for machines where namespaces cannot be
 * made): `[timeout -s KILL T] [prlimit --as=N] [unshare --net] node --permission …`, reading the
 * runner and the submission where they are, with the grader's uid.
 */
export function weakArgv(dir: string, entry: string, limits: SandboxLimits, tools: IsolationTools): { command: string; args: string[] } {
  const wrap: string[] = [];
  // The backstop deadline is a little later than the parent's, which kills first and says why.
  if (tools.timeout) wrap.push(tools.timeout, '-s', 'KILL', `${Math.ceil(limits.timeoutMs / 1000) + 5}`);
  if (tools.prlimit) wrap.push(tools.prlimit, `--as=${(Math.floor(limits.memoryMb) + ADDRESS_SPACE_HEADROOM_MB) * 1024 * 1024}`);
  if (tools.unshareNet) wrap.push(tools.unshareNet, '--net');
  const argv = [...wrap, process.execPath, ...nodeArgs(RUNNER_PATH, dir, entry, limits, tools)];
  return { command: argv[0]!, args: argv.slice(1) };
}

function lstatOrNull(p: string): 'symlink' | 'dir' | null {
  try {
    const s = lstatSync(p);
    return s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}
