import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../support/runBin';
import { REPORT, submission } from './gradeFixtures';

/** The CLI as a user types it, with `env` added to the environment. */
const gradproof = (args: string[], env: Record<string, string> = {}) => runBin(args, env);

describe('grade --code: the sandbox it runs in, or a refusal', () => {
  it('records the strict sandbox\'s layers and the grading seed in results.json (extra_data, not shown to students)', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'gradproof-policy-'));
    const r = await gradproof(['grade', '--code', submission('good.mjs'), '--out', path.join(d, 'r.json'), '--seed', '42']);
    expect(r.code).toBe(0);
    const res = JSON.parse(readFileSync(path.join(d, 'r.json'), 'utf8'));
    expect(res.extra_data.gradproof.seed).toBe(42);
    expect(res.extra_data.gradproof.sandbox[0]).toMatch(/^bubblewrap: user, PID, network, IPC, UTS, mount and cgroup namespaces/);
    expect(res.extra_data.gradproof.sandbox.join('\n')).toMatch(/seccomp: every socket but a Unix one refused/);
    expect(JSON.stringify(res.tests)).not.toMatch(/bubblewrap|grading seed|replay with/);
  });

  it('where bubblewrap cannot run, refuses in one line (exit 2, no results.json), naming what is missing and the way out', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'gradproof-policy-'));
    const r = await gradproof(['grade', '--code', submission('good.mjs'), '--out', path.join(d, 'r.json')], { GRADPROOF_BWRAP: '/nonexistent/bwrap' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      "gradproof grade: cannot isolate submissions here: bubblewrap (bwrap) is not installed (Debian: apt-get install bubblewrap); install it, or pass --weak-sandbox to run them under Node's permission model only (results.json records which)",
    ]);
    expect(existsSync(path.join(d, 'r.json'))).toBe(false);
    // Logs alone need no sandbox.
    const logs = await gradproof(['grade', '--log', REPORT], { GRADPROOF_BWRAP: '/nonexistent/bwrap' });
    expect(logs.stderr).not.toMatch(/cannot isolate/);
  });

  it('--weak-sandbox grades there all the same, and says so in results.json', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'gradproof-policy-'));
    const r = await gradproof(['grade', '--code', submission('good.mjs'), '--out', path.join(d, 'r.json'), '--weak-sandbox'], { GRADPROOF_BWRAP: '/nonexistent/bwrap' });
    expect(r.code).toBe(0);
    const res = JSON.parse(readFileSync(path.join(d, 'r.json'), 'utf8'));
    expect(res.extra_data.gradproof.sandbox[0]).toMatch(/^WEAK SANDBOX \(--weak-sandbox\)/);
    expect(res.score).toBe(50);
  });

  it('a class is refused the same way before any student is graded', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'gradproof-policy-'));
    const r = await gradproof(['grade', '--submissions', path.dirname(submission('good.mjs')), '--out', path.join(d, 'out')], { GRADPROOF_BWRAP: '/nonexistent/bwrap' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gradproof grade --submissions: cannot isolate submissions here: bubblewrap \(bwrap\) is not installed/);
    expect(existsSync(path.join(d, 'out'))).toBe(false);
  });
});
