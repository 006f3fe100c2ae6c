import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { isolationTools } from './isolationTools.js';
import { runnerDir } from './runnerDir.js';
import { createSandboxCgroup, type SandboxCgroup } from './sandboxCgroup.js';
import { ADDRESS_SPACE_HEADROOM_MB, RSS_HEADROOM_MB, SANDBOX_MAX_TASKS, type SandboxLimits, type SandboxPolicy } from './SandboxLimits.js';
import { SANDBOX_RLIMITS, SECCOMP_FD, strictArgv, weakArgv } from './sandboxArgv.js';
import { SandboxError } from './SandboxError.js';
import { sandboxUid, seccompFile, strictSandboxSupport } from './strictSandbox.js';

/** How to start one sandboxed child: its command line, extra fds, working folder, and what isolates it. */
export interface LaunchPlan {
  readonly command: string;
  readonly args: string[];
  /** File descriptors to hand the child at positions beyond the reply pipe (index = child fd). */
  readonly extraFds: ReadonlyMap<number, number>;
  readonly cwd: string;
  readonly layers: readonly string[];
  readonly cgroup: SandboxCgroup | null;
  /** Closes the parent's copies of extraFds once the child has them. */
  release(): void;
}

/**
 * The launch of a child that loads `entry` (a module inside `dir`, which holds only the
 * submission): the strict sandbox unless `policy.weak`. Throws a SandboxError of kind
 * `unavailable` when the strict sandbox cannot run here, naming what is missing.
 */
export function launchPlan(dir: string, entry: string, limits: SandboxLimits, policy: SandboxPolicy): LaunchPlan {
  const tools = isolationTools();
  const heap = `V8 heap ${limits.memoryMb} MB`;
  const permission = 'node permission model (reads: the runner and the submission only; no writes, child processes, workers or addons)';
  if (policy.weak) {
    const { command, args } = weakArgv(dir, entry, limits, tools);
    const layers = [
      'WEAK SANDBOX (--weak-sandbox): no user, PID, IPC or mount namespaces; the grader\'s uid',
      permission,
      heap,
      tools.prlimit ? `address-space rlimit (${limits.memoryMb + ADDRESS_SPACE_HEADROOM_MB} MB)` : 'no rlimit (prlimit unavailable)',
      tools.unshareNet ? 'network namespace' : 'network: in-process block only (unshare unavailable)',
    ];
    return { command, args, extraFds: new Map(), cwd: dir, layers, cgroup: null, release() {} };
  }
  const support = strictSandboxSupport();
  if (!support.ok) throw new SandboxError('unavailable', `sandbox: ${support.problem}`);
  const uid = support.dropUid ? sandboxUid() : null;
  const cgroup = createSandboxCgroup((limits.memoryMb + RSS_HEADROOM_MB) * 1024 * 1024, SANDBOX_MAX_TASKS);
  const bpf = support.seccomp ? seccompFile() : null;
  const seccompFd = bpf ? openSync(bpf, 'r') : null;
  const { command, args } = strictArgv({
    dir, entryName: path.basename(entry), runnerDir: runnerDir(), limits, tools, uid, cgroupProcs: cgroup?.procsFiles ?? [], seccomp: seccompFd !== null,
  });
  const cpu = Math.ceil(limits.timeoutMs / 1000) + 2;
  const layers = [
    'bubblewrap: user, PID, network, IPC, UTS, mount and cgroup namespaces; --die-with-parent, --new-session',
    uid !== null ? `uid/gid ${uid} outside (none of the grader's), 65534 inside` : "the grader's uid outside (it is not root), 65534 inside",
    `read-only system folders, runner and submission; a private ${SANDBOX_RLIMITS.tmpfsBytes / 1024 / 1024} MB tmpfs as the only writable place`,
    bpf ? 'seccomp: every socket but a Unix one refused' : `no seccomp filter (architecture ${process.arch} not in the table)`,
    `rlimits: address space ${limits.memoryMb + ADDRESS_SPACE_HEADROOM_MB} MB, ${SANDBOX_RLIMITS.nofile} open files, ${SANDBOX_RLIMITS.fsizeBytes / 1024 / 1024} MB files, CPU ${cpu} s${uid !== null ? `, ${SANDBOX_RLIMITS.nproc} processes` : ''}`,
    ...(cgroup?.layers ?? ['no cgroup (this process cannot create one): memory bounded by the rlimit and the resident-set watch']),
    permission,
    heap,
  ];
  const extraFds = new Map<number, number>();
  if (seccompFd !== null) extraFds.set(SECCOMP_FD, seccompFd);
  return {
    command, args, extraFds, cwd: '/', layers, cgroup,
    release() {
      for (const fd of extraFds.values()) closeQuietly(fd);
      extraFds.clear();
    },
  };
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}
