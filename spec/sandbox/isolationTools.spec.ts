import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolationTools } from '../../src/sandbox/isolationTools';
import { runnerDir } from '../../src/sandbox/runnerDir';
import { SANDBOX_MAX_TASKS } from '../../src/sandbox/SandboxLimits';
import { INNER_RUNNER, RUNNER_PATH, SECCOMP_FD, strictArgv, weakArgv } from '../../src/sandbox/sandboxArgv';
import { sandboxUid, seccompFile, strictSandboxSupport } from '../../src/sandbox/strictSandbox';

const support = strictSandboxSupport();

/**
 * Runs `code` with plain `node -e` inside the strict sandbox's OS layers only (namespaces, binds,
 * seccomp, rlimits, uid): no permission model and no in-process network block, so each OS layer
 * is seen to hold on its own. Everything it prints comes back.
 */
function osLayersOnly(code: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gradproof-oslayers-'));
  writeFileSync(path.join(dir, 'submission.mjs'), 'export {}');
  const fd = openSync(seccompFile()!, 'r');
  try {
    const { command, args } = strictArgv({
      dir, entryName: 'submission.mjs', runnerDir: runnerDir(), limits: { timeoutMs: 5000, memoryMb: 64 }, tools: isolationTools(),
      uid: support.ok && support.dropUid ? sandboxUid() : null, cgroupProcs: [], seccomp: true, nodeArgs: ['-e', code],
    });
    const stdio: ('ignore' | 'pipe' | number)[] = ['ignore', 'pipe', 'pipe', 'ignore', 'ignore'];
    stdio[SECCOMP_FD] = fd;
    const r = spawnSync(command, args, { stdio, timeout: 20_000, env: {}, encoding: 'utf8' });
    return `${r.stdout}${r.stderr}`.trim();
  } finally {
    closeSync(fd);
  }
}

describe('the strict sandbox on this machine', () => {
  it('can run here (CI installs bubblewrap)', () => {
    expect(support).toMatchObject({ ok: true, seccomp: true });
  });

  it('the permission flag matches this Node', () => {
    expect(process.allowedNodeEnvironmentFlags.has(isolationTools().permissionFlag)).toBe(true);
  });
});

describe.runIf(support.ok)('the OS layers hold without the in-process ones', () => {
  it('no socket but a Unix one: listening and connecting on loopback are refused by the kernel', () => {
    const out = osLayersOnly(`
      const net = require('net');
      const s = net.createServer().on('error', (e) => console.log('listen', e.code)).listen(8080, '127.0.0.1', () => console.log('LISTENING'));
      net.connect(9, '127.0.0.1').on('error', (e) => { console.log('connect', e.code); setTimeout(() => process.exit(0), 50); });
    `);
    expect(out.split('\n').sort()).toEqual(['connect EACCES', 'listen EACCES']);
  });

  it('a PID namespace of its own: kill(-1) and a scan of every pid reach only the sandbox', () => {
    const out = osLayersOnly(`
      let killed; try { process.kill(-1, 0); killed = 'sent'; } catch (e) { killed = e.code; }
      const alive = []; for (let p = 1; p < 70000; p++) { try { process.kill(p, 0); alive.push(p); } catch {} }
      console.log(process.pid, alive.join(','), killed);
    `);
    const [pid, alive] = out.split(' ');
    // Numbered from 1 inside (Node's threads count as tasks too); outside, every process would show.
    expect(Number(pid)).toBeLessThan(10);
    expect(Math.max(...alive!.split(',').map(Number))).toBeLessThanOrEqual(SANDBOX_MAX_TASKS);
  });

  it('sees no host files: the project, the data and /etc are absent; the submission is read-only; /tmp is a small private tmpfs', () => {
    const out = osLayersOnly(`
      const fs = require('fs');
      const tryIt = (f) => { try { f(); return 'OK'; } catch (e) { return e.code; } };
      console.log([
        tryIt(() => fs.readdirSync(${JSON.stringify(path.resolve('.'))})),
        tryIt(() => fs.readFileSync('/etc/passwd')),
        tryIt(() => fs.writeFileSync('/submission/x', 'x')),
        tryIt(() => fs.writeFileSync('/tmp/x', 'x')),
        tryIt(() => fs.writeFileSync('/tmp/big', Buffer.alloc(64 * 1024 * 1024))),
        fs.readdirSync('/').sort().join('+'),
        process.getuid(),
      ].join(' '));
    `);
    const [project, passwd, submission, tmp, big, root, uid] = out.split(' ');
    expect([project, passwd, submission, tmp]).toEqual(['ENOENT', 'ENOENT', 'EROFS', 'OK']);
    expect(big).toMatch(/^(ENOSPC|EFBIG)$/);
    expect(root!.split('+')).not.toContain('work');
    expect(uid).toBe('65534');
  });
});

describe('command lines', () => {
  it('strictArgv: cgroup, rlimits, uid drop, then bubblewrap with every namespace, then node under the permission model', () => {
    const tools = { ...isolationTools(), bwrap: '/b', prlimit: '/p', setpriv: '/s' };
    const { command, args } = strictArgv({
      dir: '/tmp/sub', entryName: 'submission.mjs', runnerDir: '/tmp/run', limits: { timeoutMs: 2500, memoryMb: 200 }, tools, uid: 2_000_123, cgroupProcs: ['/cg/procs'], seccomp: true,
    });
    const argv = [command, ...args];
    expect(argv.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(argv.slice(4, 6)).toEqual(['/cg/procs', '--']);
    const p = argv.indexOf('/p');
    expect(argv.slice(p, p + 8)).toEqual(['/p', `--as=${(200 + 1280) * 1024 * 1024}`, '--nofile=256', `--fsize=${16 * 1024 * 1024}`, '--cpu=5', '--core=0', '--nproc=128', '/s']);
    expect(argv.slice(p + 8, p + 12)).toEqual(['--reuid=2000123', '--regid=2000123', '--clear-groups', '--inh-caps=-all']);
    const b = argv.indexOf('/b');
    expect(argv.slice(b, b + 11)).toEqual(['/b', '--unshare-all', '--uid', '65534', '--gid', '65534', '--hostname', 'sandbox', '--die-with-parent', '--new-session', '--clearenv']);
    expect(argv.join(' ')).toContain('--ro-bind /tmp/sub /submission');
    expect(argv.join(' ')).toContain('--seccomp 4');
    expect(args.filter((a) => a.startsWith('--allow-'))).toEqual([`--allow-fs-read=${INNER_RUNNER}`, '--allow-fs-read=/submission/']);
    expect(argv.slice(-2)).toEqual([INNER_RUNNER, '/submission/submission.mjs']);
  });

  it('weakArgv wraps node in the tools that work, reading only the runner and the submission folder', () => {
    const all = { ...isolationTools(), timeout: '/t', prlimit: '/p', unshareNet: '/u', permissionFlag: '--experimental-permission' } as const;
    const { command, args } = weakArgv('/tmp/sub', '/tmp/sub/submission.mjs', { timeoutMs: 2500, memoryMb: 200 }, all);
    expect([command, ...args.slice(0, 7)]).toEqual(['/t', '-s', 'KILL', '8', '/p', `--as=${(200 + 1280) * 1024 * 1024}`, '/u', '--net']);
    expect(args.filter((a) => a.startsWith('--allow-'))).toEqual([`--allow-fs-read=${RUNNER_PATH}`, '--allow-fs-read=/tmp/sub/']);
    expect(args).toContain('--max-old-space-size=200');
    const bare = weakArgv('/tmp/sub', '/tmp/sub/submission.mjs', { timeoutMs: 1000, memoryMb: 64 }, { ...all, timeout: null, prlimit: null, unshareNet: null, permissionFlag: '--permission' });
    expect(bare.command).toBe(process.execPath);
    expect(bare.args[0]).toBe('--permission');
  });
});
