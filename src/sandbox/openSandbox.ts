import { spawn, type StdioOptions } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { describeExit } from './describeExit.js';
import { launchPlan } from './launchPlan.js';
import { LineFramer } from './LineFramer.js';
import { parseChildMessage } from './parseChildMessage.js';
import { readTreeRssMb } from './readTreeRssMb.js';
import { REPLY_FD } from './sandboxArgv.js';
import { SandboxError } from './SandboxError.js';
import { DEFAULT_SANDBOX_LIMITS, RSS_HEADROOM_MB, type SandboxLimits, type SandboxPolicy } from './SandboxLimits.js';
import type { SandboxCall, SandboxReply, SandboxSession } from './SandboxSession.js';

const RSS_POLL_MS = 20;
/** One reply line (a few thousand numbers in practice) and everything a session may send. */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
export const MAX_SESSION_BYTES = 64 * 1024 * 1024;
/** After a kill, how long to wait for the child's exit before giving up on it. */
const EXIT_GRACE_MS = 2000;

/**
 * Starts a sandboxed child that loads `entry` (a module inside `dir`, which should hold nothing
 * but the submission, readable by any uid: see prepareSubmission) and resolves once it has loaded. In the strict
 * sandbox (the default; see launchPlan) the child has its own namespaces, uid, tmpfs, rlimits and
 * cgroup and cannot open a socket; it reads only the runner and its copy of the submission, and
 * lives at most `limits.timeoutMs` from now: then the whole sandbox dies, whatever the child did
 * to its own processes. Requests go in on its stdin, answers come back on one pipe that this
 * side reads with caps per message and in total and validates line by line; anything malformed,
 * oversized, forged, early or late is a SandboxError of kind `protocol`, never an exception here.
 * Rejects with a SandboxError (`unavailable`, `spawn`, `load`, `timeout`, `memory`, `exit`,
 * `protocol`) naming what went wrong.
 */
export function openSandbox(dir: string, entry: string, limits: Partial<SandboxLimits> = {}, policy: SandboxPolicy = {}): Promise<SandboxSession> {
  const lim: SandboxLimits = { ...DEFAULT_SANDBOX_LIMITS, ...limits };
  let plan;
  try {
    plan = launchPlan(dir, entry, lim, policy);
  } catch (e) {
    return Promise.reject(e instanceof SandboxError ? e : new SandboxError('spawn', `sandbox: cannot prepare the child (${(e as Error).message})`));
  }
  const stdio: StdioOptions = ['pipe', 'ignore', 'pipe', 'pipe'];
  for (const [fd, source] of plan.extraFds) stdio[fd] = source;
  // An empty environment. Node copies its own NODE_V8_COVERAGE into every child, even one given
  // an explicit env, unless the key is present: an undefined value keeps it out, so a grader run
  // under coverage (npm run coverage, c8) never lets a sandboxed child write outside its tmpfs.
  const child = spawn(plan.command, plan.args, { stdio, env: { NODE_V8_COVERAGE: undefined }, cwd: plan.cwd, detached: true });
  plan.release();
  const requests = child.stdin as Writable;
  const replies = child.stdio[REPLY_FD] as Readable;
  const stderrStream = child.stderr as Readable;
  const cgroup = plan.cgroup;
  let stderr = '';
  let failure: SandboxError | undefined;
  let closed = false;
  let finished = false;
  let pending: { id: number; count: number; resolve: (r: SandboxReply[]) => void; reject: (e: SandboxError) => void } | undefined;
  let onReady: { resolve: (s: SandboxSession) => void; reject: (e: SandboxError) => void } | undefined;
  const seconds = `${+(lim.timeoutMs / 1000).toFixed(3)} s`;

  const kill = () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    cgroup?.destroy();
  };
  /** Everything this side holds for the child, released once: timers, pipes, the cgroup. */
  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(deadline);
    clearInterval(watcher);
    clearTimeout(grace);
    for (const s of [requests, replies, stderrStream]) s.destroy();
    child.unref();
    cgroup?.destroy();
    const e = failure ?? new SandboxError('exit', 'sandbox: closed');
    onReady?.reject(e);
    pending?.reject(e);
    onReady = pending = undefined;
  };
  let grace: NodeJS.Timeout | undefined;
  const fail = (e: SandboxError) => {
    failure ??= e;
    kill();
    // A child stuck where SIGKILL cannot reach it yet must not hold the grader: give up on it.
    grace ??= setTimeout(finish, EXIT_GRACE_MS);
  };

  const deadline = setTimeout(() => fail(new SandboxError('timeout', `timed out after ${seconds} (wall clock); the submission was killed`)), lim.timeoutMs);
  const rssCap = lim.memoryMb + RSS_HEADROOM_MB;
  const watcher = setInterval(() => {
    const rss = child.pid === undefined ? null : readTreeRssMb(child.pid);
    if (rss !== null && rss > rssCap) fail(new SandboxError('memory', `memory limit exceeded (resident ${Math.round(rss)} MB > ${rssCap} MB); the submission was killed`));
  }, RSS_POLL_MS);

  child.on('error', (e) => fail(new SandboxError('spawn', `sandbox: cannot start ${plan.command} (${(e as NodeJS.ErrnoException).code ?? e.message})`)));
  child.on('exit', (code, signal) => {
    if (!failure && !closed) {
      const oom = cgroup?.oomKilled() ?? false;
      fail(oom ? new SandboxError('memory', `memory limit exceeded (the sandbox's cgroup limit of ${rssCap} MB); the submission was killed`) : describeExit(code, signal, stderr, lim.memoryMb, pending !== undefined || onReady !== undefined));
    }
    finish();
  });
  stderrStream.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-4096);
  });
  // A pipe the child closed or broke is its exit's business, reported there.
  for (const s of [requests, replies, stderrStream]) s.on('error', () => {});

  let nextId = 1;
  const session: SandboxSession = {
    layers: plan.layers,
    call(calls: readonly SandboxCall[]) {
      if (failure) return Promise.reject(failure);
      if (closed || pending || onReady) return Promise.reject(new SandboxError('protocol', 'sandbox: session closed or busy'));
      return new Promise<SandboxReply[]>((resolve, reject) => {
        pending = { id: nextId++, count: calls.length, resolve, reject };
        requests.write(`${JSON.stringify({ id: pending.id, calls })}\n`);
      });
    },
    close() {
      closed = true;
      kill();
      finish();
    },
  };

  const protocol = (why: string) => fail(new SandboxError('protocol', `the submission broke the sandbox's reply protocol: ${why}; it was stopped`));
  const framer = new LineFramer(MAX_MESSAGE_BYTES, MAX_SESSION_BYTES, (line) => {
    if (failure || closed) return;
    const msg = parseChildMessage(line);
    if (msg.type === 'invalid') return protocol(`it sent a malformed message (${msg.why})`);
    if (msg.type === 'ready') {
      if (!onReady) return protocol('it said it was ready twice');
      const r = onReady;
      onReady = undefined;
      return r.resolve(session);
    }
    if (msg.type === 'load-error') {
      if (!onReady) return protocol('it sent a load error after loading');
      return fail(new SandboxError('load', `the submission failed to load: ${msg.error.slice(0, 300)}`));
    }
    if (!pending || msg.id !== pending.id) return protocol('it answered a call that was not made');
    if (msg.results.length !== pending.count) return protocol(`it answered ${msg.results.length} calls of ${pending.count}`);
    const p = pending;
    pending = undefined;
    p.resolve(msg.results);
  }, (why) => protocol(why));
  replies.on('data', (chunk: Buffer) => framer.push(chunk));

  return new Promise<SandboxSession>((resolve, reject) => {
    onReady = { resolve, reject };
    if (finished) reject(failure ?? new SandboxError('exit', 'sandbox: closed'));
  });
}
