import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A cgroup made for one sandbox: its memory (and, where available, process-count) limit. */
export interface SandboxCgroup {
  /** `cgroup.procs` files the sandbox's first process writes its pid into before it execs anything. */
  readonly procsFiles: readonly string[];
  /** What this cgroup enforces, for the isolation record (e.g. `memory cgroup v1 (352 MB)`). */
  readonly layers: readonly string[];
  /** True when the kernel killed a process here for exceeding the memory limit. */
  oomKilled(): boolean;
  /** SIGKILLs every process left in the cgroup, then removes it (idempotent; retried until empty). */
  destroy(): void;
}

interface Controller {
  readonly version: 1 | 2;
  readonly dir: string;
}

interface Bases {
  readonly memory: Controller | null;
  readonly pids: Controller | null;
}

let bases: Bases | undefined;
let counter = 0;
/** Cgroups not yet removed: swept once more, synchronously, when the process exits. */
const leftovers = new Map<string, () => boolean>();
let exitHook = false;

/**
 * Where this process may create child cgroups: cgroup v1's `memory` and `pids` hierarchies, or a
 * cgroup v2 folder whose subtree delegates the memory controller. Probed once, by creating and
 * removing a test cgroup (a folder that exists may still refuse us).
 */
function cgroupBases(): Bases {
  if (bases) return bases;
  let memory: Controller | null = null;
  let pids: Controller | null = null;
  try {
    for (const line of readFileSync('/proc/self/cgroup', 'utf8').split('\n')) {
      const [, controllers, rel] = line.split(':');
      if (controllers === undefined || rel === undefined) continue;
      if (controllers === '' && existsSync('/sys/fs/cgroup/cgroup.controllers')) {
        const dir = path.join('/sys/fs/cgroup', rel);
        const delegated = readFileSync(path.join(dir, 'cgroup.subtree_control'), 'utf8').split(/\s+/);
        if (delegated.includes('memory') && canCreate(dir)) memory ??= { version: 2, dir };
        if (delegated.includes('pids') && canCreate(dir)) pids ??= { version: 2, dir };
      }
      for (const c of controllers.split(',')) {
        const dir = path.join('/sys/fs/cgroup', c, rel);
        if (c === 'memory' && canCreate(dir)) memory = { version: 1, dir };
        if (c === 'pids' && canCreate(dir)) pids = { version: 1, dir };
      }
    }
  } catch {
    // No cgroup filesystem we can read: no cgroup layer.
  }
  bases = { memory, pids };
  return bases;
}

function canCreate(dir: string): boolean {
  const probe = path.join(dir, `gradproof-probe-${process.pid}`);
  try {
    mkdirSync(probe);
    rmdirSync(probe);
    return true;
  } catch {
    return false;
  }
}

/**
 * A fresh cgroup for one sandbox, limited to `memoryBytes` (swap included where the kernel
 * accounts it) and `maxPids` tasks, or null where this process cannot create cgroups.
 */
export function createSandboxCgroup(memoryBytes: number, maxPids: number): SandboxCgroup | null {
  const { memory, pids } = cgroupBases();
  if (!memory) return null;
  const name = `gradproof-${process.pid}-${++counter}`;
  const made: Controller[] = [];
  const layers: string[] = [];
  try {
    const mem = { version: memory.version, dir: path.join(memory.dir, name) };
    mkdirSync(mem.dir);
    made.push(mem);
    if (mem.version === 1) {
      writeFileSync(path.join(mem.dir, 'memory.limit_in_bytes'), String(memoryBytes));
      tryWrite(path.join(mem.dir, 'memory.memsw.limit_in_bytes'), String(memoryBytes));
    } else {
      writeFileSync(path.join(mem.dir, 'memory.max'), String(memoryBytes));
      tryWrite(path.join(mem.dir, 'memory.swap.max'), '0');
    }
    layers.push(`memory cgroup v${mem.version} (${Math.round(memoryBytes / 1024 / 1024)} MB)`);
    if (pids && !(pids.version === 2 && mem.version === 2)) {
      const p = { version: pids.version, dir: path.join(pids.dir, name) };
      mkdirSync(p.dir);
      made.push(p);
    }
    const pidsDir = made.find((c) => c !== mem)?.dir ?? (pids?.version === 2 ? mem.dir : undefined);
    if (pidsDir && tryWrite(path.join(pidsDir, 'pids.max'), String(maxPids))) layers.push(`pids cgroup (${maxPids} tasks)`);
  } catch {
    for (const c of made.reverse()) tryRemove(c.dir);
    return null;
  }
  let destroyed = false;
  return {
    procsFiles: made.map((c) => path.join(c.dir, 'cgroup.procs')),
    layers,
    oomKilled() {
      const mem = made[0]!;
      const file = mem.version === 1 ? 'memory.oom_control' : 'memory.events';
      const m = /oom_kill (\d+)/.exec(readOr(path.join(mem.dir, file)));
      if (m) return Number(m[1]) > 0;
      return mem.version === 1 && Number(readOr(path.join(mem.dir, 'memory.failcnt')) || 0) > 0;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      const sweep = (triesLeft: number) => {
        const left = !sweepOnce();
        if (!left) leftovers.delete(made[0]!.dir);
        // Killed tasks leave a cgroup a moment after the signal; a cgroup is removable only when empty.
        if (left && triesLeft > 0) setTimeout(() => sweep(triesLeft - 1), 50).unref();
      };
      leftovers.set(made[0]!.dir, sweepOnce);
      if (!exitHook) {
        exitHook = true;
        process.once('exit', sweepLeftovers);
      }
      sweep(100);
    },
  };

  /** Kills what is left in the cgroup and removes it; true when it is gone. */
  function sweepOnce(): boolean {
    let left = false;
    for (const c of made) {
      if (c.version === 2 && tryWrite(path.join(c.dir, 'cgroup.kill'), '1')) continue;
      for (const pid of readOr(path.join(c.dir, 'cgroup.procs')).split('\n').filter(Boolean)) {
        try {
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          // exited meanwhile
        }
      }
    }
    for (const c of made) if (!tryRemove(c.dir)) left = true;
    return !left;
  }
}

/** At exit, no timer runs again: sweep what is left now, waiting a little for killed tasks to leave. */
function sweepLeftovers(): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let tries = 0; tries < 40 && leftovers.size > 0; tries++) {
    for (const [dir, sweep] of leftovers) if (sweep()) leftovers.delete(dir);
    if (leftovers.size > 0) Atomics.wait(pause, 0, 0, 10);
  }
}

function tryWrite(file: string, text: string): boolean {
  try {
    writeFileSync(file, text);
    return true;
  } catch {
    return false;
  }
}

function tryRemove(dir: string): boolean {
  try {
    rmdirSync(dir);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function readOr(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
