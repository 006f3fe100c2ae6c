import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NATIVE_ADDON_PATH } from '../../src/accel/native/loadNativeAddon';
import { NATIVE_AVAILABLE } from './wasmModes';

/**
 * OpenBLAS has one thread count per process, but every worker thread (vitest's threads pool,
 * a user's worker_threads) loads the addon afresh and sets its own. In a fresh process, so no
 * other spec's setting interferes: the main thread sets 2; a worker asking for 1 is refused,
 * naming the count held; asking for 2 works; once the worker is gone, or the main thread lets go
 * (releaseThreads), another count may be set.
 */
const CHILD = `
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
const addon = createRequire(import.meta.url)(process.env.ADDON);
const inWorker = (code) => new Promise((resolve, reject) => {
  const w = new Worker(\`
    const { parentPort } = require('node:worker_threads');
    const addon = require(process.env.ADDON);
    const attempt = (n) => { try { addon.setThreads(n); return 'ok ' + n; } catch (e) { return e.constructor.name + ': ' + e.message; } };
    parentPort.postMessage((\${code})());
  \`, { eval: true, env: process.env });
  w.once('message', (m) => w.terminate().then(() => resolve(m)));
  w.once('error', reject);
});
const out = {};
addon.setThreads(2);
out.clash = await inWorker('() => attempt(1)');
out.same = await inWorker('() => attempt(2)');
addon.setThreads(1); // alone again (the workers are gone): any count
out.mainAlone = addon.info().threads;
out.afterRelease = await inWorker('() => attempt(3)'); // main still holds 1
addon.releaseThreads();
out.released = await inWorker('() => attempt(3)');
console.log(JSON.stringify(out));
`;

describe.runIf(NATIVE_AVAILABLE)("the native addon's OpenBLAS thread count across worker threads", () => {
  it("refuses a count that differs from another live thread's, naming it, and frees it when that thread goes or lets go", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gradproof-claims-'));
    try {
      writeFileSync(path.join(dir, 'child.mjs'), CHILD);
      const run = spawnSync(process.execPath, [path.join(dir, 'child.mjs')], {
        env: { ...process.env, ADDON: NATIVE_ADDON_PATH },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
      expect(out.clash).toBe(
        'RangeError: gradproof_native.setThreads: OpenBLAS has one thread count per process, and another thread of this process ' +
          "multiplies with 2; got 1. Ask for 2 here too, or run each in a process of its own (vitest's forks pool)",
      );
      expect(out.same).toBe('ok 2');
      expect(out.mainAlone).toBe(1);
      expect(out.afterRelease).toMatch(/^RangeError: .*multiplies with 1; got 3\./);
      expect(out.released).toBe('ok 3');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
