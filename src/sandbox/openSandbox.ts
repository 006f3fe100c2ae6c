import { spawn } from 'node:child_process';
import { isolationTools } from './isolationTools';
import { readRssMb } from './readRssMb';
import { sandboxArgv } from './sandboxArgv';
import { SandboxError } from './SandboxError';
import { DEFAULT_SANDBOX_LIMITS, RSS_HEADROOM_MB, type SandboxLimits } from './SandboxLimits';
import type { SandboxCall, SandboxReply, SandboxSession } from './SandboxSession';
import { describeExit } from './describeExit';

const RSS_POLL_MS = 20;

/**
 * Starts a sandboxed child that loads `entry` (a module inside `dir`, which should hold nothing
 * but the submission: see prepareSubmission) and resolves once it has loaded. The child reads
 * only `dir` and the runner, writes nothing, spawns nothing, has no network, and lives at most
 * `limits.timeoutMs` from now. Rejects with a SandboxError (kind `load`, `timeout`, `memory`,
 * `exit`, `spawn`) naming what went wrong.
 */
export function openSandbox(dir: string, entry: string, limits: Partial<SandboxLimits> = {}): Promise<SandboxSession> {
  const lim: SandboxLimits = { ...DEFAULT_SANDBOX_LIMITS, ...limits };
  const tools = isolationTools();
  const { command, args } = sandboxArgv(dir, entry, lim, tools);
  const isolation = [
    'node permission model (reads: submission only)',
    `heap ${lim.memoryMb} MB`,
    tools.prlimit ? 'address-space rlimit' : 'no rlimit (prlimit unavailable)',
    tools.unshareNet ? 'network namespace' : 'network: in-process block only (unshare unavailable)',
  ].join(', ');
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced', env: {}, cwd: dir, detached: true });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-4096);
  });
  let failure: SandboxError | undefined;
  let closed = false;
  let pending: { id: number; resolve: (r: SandboxReply[]) => void; reject: (e: SandboxError) => void } | undefined;
  let onReady: { resolve: (s: SandboxSession) => void; reject: (e: SandboxError) => void } | undefined;
  let nodePid: number | undefined;
  const seconds = `${+(lim.timeoutMs / 1000).toFixed(3)} s`;

  const kill = () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  const fail = (e: SandboxError) => {
    failure ??= e;
    kill();
  };
  const settle = () => {
    clearTimeout(deadline);
    clearInterval(watcher);
    const e = failure ?? new SandboxError('exit', 'sandbox: closed');
    onReady?.reject(e);
    pending?.reject(e);
    onReady = pending = undefined;
  };

  const deadline = setTimeout(() => fail(new SandboxError('timeout', `timed out after ${seconds} (wall clock); the submission was killed`)), lim.timeoutMs);
  const rssCap = lim.memoryMb + RSS_HEADROOM_MB;
  const watcher = setInterval(() => {
    const rss = nodePid === undefined ? null : readRssMb(nodePid);
    if (rss !== null && rss > rssCap) fail(new SandboxError('memory', `memory limit exceeded (resident ${Math.round(rss)} MB > ${rssCap} MB); the submission was killed`));
  }, RSS_POLL_MS);

  child.on('error', (e) => fail(new SandboxError('spawn', `sandbox: cannot start ${command} (${(e as NodeJS.ErrnoException).code ?? e.message})`)));
  child.on('exit', (code, signal) => {
    if (!failure && !closed) fail(describeExit(code, signal, stderr, lim.memoryMb, pending !== undefined || onReady !== undefined));
    settle();
  });

  let nextId = 1;
  const session: SandboxSession = {
    exports: new Map(),
    isolation,
    call(calls: readonly SandboxCall[]) {
      if (failure) return Promise.reject(failure);
      if (closed || pending) return Promise.reject(new SandboxError('protocol', 'sandbox: session closed or busy'));
      return new Promise<SandboxReply[]>((resolve, reject) => {
        pending = { id: nextId++, resolve, reject };
        child.send({ id: pending.id, calls }, (e) => {
          if (e) fail(new SandboxError('exit', `sandbox: the submission closed its input (${e.message})`));
        });
      });
    },
    close() {
      closed = true;
      kill();
    },
  };

  child.on('message', (raw: unknown) => {
    const msg = raw as { type?: unknown; pid?: unknown; error?: unknown; exports?: unknown; id?: unknown; results?: unknown };
    if (msg.type === 'pid' && typeof msg.pid === 'number' && nodePid === undefined) {
      nodePid = msg.pid;
    } else if (msg.type === 'load-error' && onReady) {
      fail(new SandboxError('load', `the submission failed to load: ${String(msg.error).slice(0, 300)}`));
    } else if (msg.type === 'ready' && onReady && Array.isArray(msg.exports)) {
      const map = session.exports as Map<string, string>;
      for (const e of msg.exports.slice(0, 200)) {
        const [k, t] = String(e).split(':');
        map.set(k!, t ?? 'unknown');
      }
      const r = onReady;
      onReady = undefined;
      r.resolve(session);
    } else if (msg.type === 'reply' && pending && msg.id === pending.id) {
      const p = pending;
      pending = undefined;
      p.resolve(validReplies(msg.results));
    }
    // Anything else is the submission talking on the channel (process.send): ignored.
  });

  return new Promise<SandboxSession>((resolve, reject) => {
    onReady = { resolve, reject };
  });
}

/** Replies as the child sent them, reshaped defensively: the submission shares the child's process. */
function validReplies(results: unknown): SandboxReply[] {
  if (!Array.isArray(results)) return [];
  return results.map((r: unknown): SandboxReply => {
    const o = (r ?? {}) as { ok?: unknown; value?: unknown; error?: unknown };
    return o.ok === true ? { ok: true, value: o.value } : { ok: false, error: String(o.error ?? 'no answer').slice(0, 500) };
  });
}
