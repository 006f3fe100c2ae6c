import { describe, expect, it } from 'vitest';
import { DEFAULT_GOLDEN_DIR } from '../../src/golden/loadGoldenDir';
import { DEFAULT_RUBRIC } from '../../src/grade/loadRubric';
import { openSandbox } from '../../src/sandbox/openSandbox';
import { prepareSubmission } from '../../src/sandbox/prepareSubmission';
import { SandboxError } from '../../src/sandbox/SandboxError';
import { fixture, outcome, probeError, processesMentioning, withSandbox } from './sandboxFixture';

describe('openSandbox: a friendly submission', () => {
  it('loads and answers calls in order (ESM, CommonJS and TypeScript), naming its isolation layers', async () => {
    for (const name of ['good.mjs', 'commonjs.cjs', 'typed.ts']) {
      await withSandbox(name, { timeoutMs: 5000 }, async (s) => {
        expect(s.layers[0]).toMatch(/^bubblewrap: user, PID, network, IPC, UTS, mount and cgroup namespaces/);
        expect(s.layers.join('\n')).toMatch(/seccomp: every socket but a Unix one refused/);
        expect(s.layers.join('\n')).toMatch(/node permission model/);
        const r = await s.call([{ fn: 'l1', args: [[[1, -2], [3]], 0.5] }, { fn: 'l2Grad', args: [[[3]], 1] }, { fn: 'nope', args: [] }]);
        expect(r[0]).toEqual({ ok: true, value: 3 });
        expect(r[1]).toEqual({ ok: true, value: [[6]] });
        expect(r[2]).toEqual({ ok: false, error: 'Error: nope is not an exported function' });
      });
    }
  });

  it('gives the child an empty environment and its private tmpfs as cwd', async () => {
    const r = await outcome('envProbe.mjs', [{ fn: 'probe', args: [] }]);
    // Only the working folder bwrap sets: no PATH, HOME, tokens or NODE_OPTIONS from the grader.
    expect(probeError(r)).toBe('Error: env=PWD cwd=/tmp');
  });

  it("keeps the grader's NODE_V8_COVERAGE (which Node passes to every child) out, weak sandbox too", async () => {
    const before = process.env.NODE_V8_COVERAGE;
    process.env.NODE_V8_COVERAGE = '/nonexistent/coverage';
    const prepared = await prepareSubmission(fixture('envProbe.mjs'));
    try {
      const s = await openSandbox(prepared.dir, prepared.entry, { timeoutMs: 5000, memoryMb: 128 }, { weak: true });
      try {
        const [reply] = await s.call([{ fn: 'probe', args: [] }]);
        expect(reply).toEqual({ ok: false, error: `Error: env= cwd=${prepared.dir}` });
      } finally {
        s.close();
      }
    } finally {
      if (before === undefined) delete process.env.NODE_V8_COVERAGE;
      else process.env.NODE_V8_COVERAGE = before;
      await prepared.cleanup();
    }
  });
});

describe('openSandbox: hostile submissions end as recorded failures', () => {
  it('an infinite loop in a call is killed at the deadline, with its whole process group', async () => {
    const r = await outcome('infiniteLoop.mjs', [{ fn: 'l1', args: [] }], { timeoutMs: 1500, memoryMb: 128 });
    expect(r.error?.kind).toBe('timeout');
    expect(r.error?.message).toMatch(/timed out after 1\.5 s \(wall clock\); the submission was killed/);
    expect(r.ms).toBeLessThan(1500 + 1000);
    await new Promise((res) => setTimeout(res, 100));
    expect(processesMentioning(r.dir)).toEqual([]);
  });

  it('an infinite loop at import time times out while loading', async () => {
    const r = await outcome('loopAtImport.mjs', [], { timeoutMs: 1000, memoryMb: 128 });
    expect(r.error?.kind).toBe('timeout');
    expect(r.ms).toBeLessThan(2000);
  });

  it('a heap bomb stops at the heap limit', async () => {
    const r = await outcome('memoryBomb.mjs', [{ fn: 'l1', args: [] }], { timeoutMs: 15000, memoryMb: 96 });
    expect(r.error?.kind).toBe('memory');
    expect(r.error?.message).toMatch(/memory limit exceeded/);
  });

  it('an off-heap buffer bomb is stopped by the resident-memory watch or the address-space limit', async () => {
    const r = await outcome('bufferBomb.mjs', [{ fn: 'l1', args: [] }], { timeoutMs: 15000, memoryMb: 96 });
    if (r.error) expect(r.error.kind).toBe('memory');
    else expect(probeError(r)).toMatch(/allocation failed/i);
  });

  it('cannot read golden files, rubrics or /etc/passwd, list folders, write, or reach process.binding', async () => {
    const paths = ['/etc/passwd', DEFAULT_GOLDEN_DIR, `${DEFAULT_GOLDEN_DIR}/gurmukhi-dropout.json`, DEFAULT_RUBRIC, '../golden', '../../golden/cifar.json'];
    const msg = probeError(await outcome('readsFiles.mjs', [{ fn: 'probe', args: [paths] }]));
    const codes = msg.replace('Error: ', '').split(' ');
    expect(codes).toHaveLength(paths.length * 2 + 2);
    for (const c of codes) expect(c).toMatch(/^(read|list|write|binding):ERR_ACCESS_DENIED$/);
  });

  it('cannot open a socket by any route (net, named import, http, fetch, udp, listen) or spawn a process', async () => {
    const msg = probeError(await outcome('socket.mjs', [{ fn: 'probe', args: [] }]));
    for (const route of ['net.connect', 'named-connect', 'socket', 'http.get', 'fetch', 'udp', 'listen']) expect(msg).toContain(`${route}:ERR_SANDBOX_NETWORK`);
    expect(msg).toContain('spawn:ERR_ACCESS_DENIED');
  });

  it('cannot start processes or worker threads', async () => {
    const msg = probeError(await outcome('spawns.mjs', [{ fn: 'probe', args: [] }]));
    expect(msg).toBe('Error: execSync:ERR_ACCESS_DENIED spawn:ERR_ACCESS_DENIED worker:ERR_ACCESS_DENIED');
  });

  it('process.exit during a call is an exit failure naming the code', async () => {
    const r = await outcome('exits.mjs', [{ fn: 'l1', args: [] }]);
    expect(r.error?.kind).toBe('exit');
    expect(r.error?.message).toMatch(/exited with code 3 before answering \(did it call process\.exit\?\)/);
  });

  it('throwing (an Error or anything else) is an error reply, and the child keeps answering', async () => {
    const r = await outcome('throws.mjs', [{ fn: 'l1', args: [] }, { fn: 'l1Grad', args: [] }]);
    expect(r.replies).toEqual([{ ok: false, error: 'Error: boom' }, { ok: false, error: 'threw string a string, not an Error' }]);
  });

  it('NaN, Infinity, wrong shapes and wrong types arrive as they are, for the checks to judge', async () => {
    const r = await outcome('wrongAnswers.mjs', [
      { fn: 'l1', args: [] }, { fn: 'l2', args: [] }, { fn: 'l2Grad', args: [] }, { fn: 'dropout', args: [[1, 2, 3]] },
    ]);
    expect(r.replies).toEqual([
      { ok: true, value: NaN }, { ok: true, value: { $type: 'string' } }, { ok: true, value: [[Infinity]] }, { ok: true, value: [1] },
    ]);
  });

  it('a syntax error or a missing import is a load failure with the reason', async () => {
    const syntax = await outcome('syntaxError.mjs', []);
    expect(syntax.error?.kind).toBe('load');
    expect(syntax.error?.message).toMatch(/^the submission failed to load: SyntaxError/);
    const missing = await outcome('missingImport.mjs', []);
    expect(missing.error?.kind).toBe('load');
    expect(missing.error?.message).toMatch(/Cannot find package 'left-pad-is-not-installed'/);
  });

  it('a session that failed rejects every later call with the same error', async () => {
    const prepared = await prepareSubmission(fixture('exits.mjs'));
    try {
      const s = await openSandbox(prepared.dir, prepared.entry, { timeoutMs: 3000 });
      const first = await s.call([{ fn: 'l1', args: [] }]).catch((e: unknown) => e);
      const second = await s.call([{ fn: 'l2', args: [] }]).catch((e: unknown) => e);
      expect(first).toBeInstanceOf(SandboxError);
      expect(second).toBe(first);
    } finally {
      await prepared.cleanup();
    }
  });
});
