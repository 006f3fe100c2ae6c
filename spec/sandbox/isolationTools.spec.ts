import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isolationTools } from '../../src/sandbox/isolationTools';
import { RUNNER_PATH, sandboxArgv } from '../../src/sandbox/sandboxArgv';

// Loopback only: in a fresh network namespace even 127.0.0.1 is unreachable (lo is down), so
// the check needs no address off this machine.
const CONNECT = "require('net').connect(9,'127.0.0.1').on('connect',()=>{console.log('CONNECTED');process.exit(0)}).on('error',e=>{console.log(e.code);process.exit(0)})";

describe('isolation tools', () => {
  it('the permission flag matches this Node', () => {
    expect(process.allowedNodeEnvironmentFlags.has(isolationTools().permissionFlag)).toBe(true);
  });

  it.runIf(isolationTools().unshareNet !== null)('a network namespace has no route out (the OS layer under the in-process block)', () => {
    const r = spawnSync(isolationTools().unshareNet!, ['--net', process.execPath, '-e', CONNECT], { encoding: 'utf8', timeout: 10_000 });
    expect(r.stdout.trim()).toMatch(/^(ENETUNREACH|EHOSTUNREACH)$/);
  });

  it.runIf(isolationTools().prlimit !== null)('the address-space limit makes a large allocation fail inside the child', () => {
    const r = spawnSync(isolationTools().prlimit!, [`--as=${1536 * 1024 * 1024}`, process.execPath, '-e', 'try { new Uint8Array(2 ** 31); console.log("ALLOCATED") } catch (e) { console.log(e.name) }'], { encoding: 'utf8', timeout: 10_000 });
    expect(r.stdout.trim()).toBe('RangeError');
  });

  it('sandboxArgv wraps node in the tools that work, and allows reading only the runner and the submission folder', () => {
    const all = { timeout: '/t', prlimit: '/p', unshareNet: '/u', permissionFlag: '--experimental-permission' } as const;
    const { command, args } = sandboxArgv('/tmp/sub', '/tmp/sub/submission.mjs', { timeoutMs: 2500, memoryMb: 200 }, all);
    expect([command, ...args.slice(0, 7)]).toEqual(['/t', '-s', 'KILL', '8', '/p', `--as=${(200 + 1280) * 1024 * 1024}`, '/u', '--net']);
    expect(args.filter((a) => a.startsWith('--allow-'))).toEqual([`--allow-fs-read=${RUNNER_PATH}`, '--allow-fs-read=/tmp/sub/']);
    expect(args).toContain('--max-old-space-size=200');
    const bare = sandboxArgv('/tmp/sub', '/tmp/sub/submission.mjs', { timeoutMs: 1000, memoryMb: 64 }, { timeout: null, prlimit: null, unshareNet: null, permissionFlag: '--permission' });
    expect(bare.command).toBe(process.execPath);
    expect(bare.args[0]).toBe('--permission');
  });
});
