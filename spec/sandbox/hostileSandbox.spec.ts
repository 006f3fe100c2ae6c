import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareSubmission } from '../../src/sandbox/prepareSubmission';
import { openSandbox } from '../../src/sandbox/openSandbox';
import { SandboxError } from '../../src/sandbox/SandboxError';
import { SANDBOX_MAX_TASKS } from '../../src/sandbox/SandboxLimits';
import { fixture, outcome, probeError, processesMentioning } from './sandboxFixture';

/** Processes of this grader's own session that a submission could have hit. */
const myPid = process.pid;
const parentPid = process.ppid;

/** Cgroups gradproof made for sandboxes of this process that are still there. */
function leftoverCgroups(): string[] {
  const found: string[] = [];
  for (const line of readFileSync('/proc/self/cgroup', 'utf8').split('\n')) {
    const [, controllers, rel] = line.split(':');
    if (!controllers?.split(',').includes('memory')) continue;
    try {
      found.push(...readdirSync(`/sys/fs/cgroup/memory${rel}`).filter((d) => d.startsWith(`gradproof-${myPid}-`)));
    } catch {
      // no v1 memory hierarchy here
    }
  }
  return found;
}

describe('hostile submissions: escape', () => {
  it('kill(-1), its parent and pid 1, at import and in calls, reach nothing outside the sandbox', async () => {
    const r = await outcome('killsEverything.mjs', [{ fn: 'l1', args: [] }, { fn: 'probe', args: [] }], { timeoutMs: 8000, memoryMb: 128 });
    // The grader (this process) and its parent are alive to read the answer.
    expect(() => process.kill(myPid, 0)).not.toThrow();
    expect(() => process.kill(parentPid, 0)).not.toThrow();
    const said = r.replies?.[1];
    expect(said).toMatchObject({ ok: false });
    const m = /reachable:([\d,]*) self:(\d+)/.exec((said as { error: string }).error);
    // Inside its PID namespace the sandbox sees only its own init, Node and Node's threads,
    // numbered from 1 (the pids cgroup caps them); outside it every process would be visible.
    const reachable = m![1]!.split(',').filter(Boolean).map(Number);
    expect(reachable.length).toBeLessThanOrEqual(SANDBOX_MAX_TASKS);
    expect(Math.max(...reachable)).toBeLessThanOrEqual(SANDBOX_MAX_TASKS);
    expect(Number(m![2])).toBeLessThan(10);
  });

  it('trace events cannot carry one test\'s inputs to the next: a fresh tmpfs each time, and nothing readable', async () => {
    for (let i = 0; i < 2; i++) {
      const msg = probeError(await outcome('tracesEvents.mjs', [{ fn: 'probe', args: [] }]));
      expect(msg).toMatch(/ \.:ERR_ACCESS_DENIED \/tmp:ERR_ACCESS_DENIED \/submission:submission\.mjs previous:ERR_ACCESS_DENIED$/);
    }
  });
});

describe('hostile submissions: the reply channel', () => {
  const forgeries = ['garbage', 'wrongShape', 'unasked', 'errorObject', 'deep', 'endless', 'readyAgain', 'numberObject'] as const;
  for (const kind of forgeries) {
    it(`a forged message on the reply pipe (${kind}) is a contained protocol failure`, async () => {
      const r = await outcome('forgesFrames.mjs', [{ fn: 'l1', args: [kind] }], { timeoutMs: 10_000, memoryMb: 128 });
      expect(r.error).toBeInstanceOf(SandboxError);
      expect(r.error!.kind).toBe('protocol');
      expect(r.error!.message).toMatch(/^the submission broke the sandbox's reply protocol: /);
      // Found out as soon as the line (or the cap) arrives, not at the deadline.
      expect(r.ms).toBeLessThan(8000);
    });
  }

  it('an announced-ready module that exports nothing answers nothing: each call says so', async () => {
    const r = await outcome('forgesReady.mjs', [{ fn: 'l1', args: [[[1]], 1] }]);
    // Its own "ready" comes first and the runner's second: two readies break the protocol.
    expect(r.error?.kind ?? 'none').toBe('protocol');
  });

  it('floods of stdout and stderr neither block nor grow the grader: the answer still arrives', async () => {
    const r = await outcome('floodsOutput.mjs', [{ fn: 'l1', args: [[[1, -2], [3]], 0.5] }], { timeoutMs: 20_000, memoryMb: 128 });
    expect(r.replies).toEqual([{ ok: true, value: 3 }]);
  });
});

describe('hostile submissions: deadlines that hold', () => {
  it('killing its own parent does not outlive the deadline: the whole sandbox dies, nothing is left', async () => {
    const prepared = await prepareSubmission(fixture('killsItsWrappers.mjs'));
    const t0 = Date.now();
    try {
      const s = await openSandbox(prepared.dir, prepared.entry, { timeoutMs: 1500, memoryMb: 128 });
      const e = await s.call([{ fn: 'l1', args: [] }]).catch((x: unknown) => x);
      expect((e as SandboxError).kind).toBe('timeout');
      expect(Date.now() - t0).toBeLessThan(1500 + 5000);
      await new Promise((res) => setTimeout(res, 300));
      expect(processesMentioning(prepared.dir)).toEqual([]);
    } finally {
      await prepared.cleanup();
    }
  });

  it('no cgroup is left behind once sessions are closed', async () => {
    await outcome('good.mjs', [{ fn: 'l1', args: [[[1]], 1] }]);
    await outcome('infiniteLoop.mjs', [{ fn: 'l1', args: [] }], { timeoutMs: 500, memoryMb: 64 });
    await new Promise((res) => setTimeout(res, 500));
    expect(leftoverCgroups()).toEqual([]);
  });
});
