import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NATIVE_ADDON_PATH } from '../../src/accel/native/loadNativeAddon';
import { NATIVE_AVAILABLE, NATIVE_GEMM } from './wasmModes';

/**
 * A child process multiplies the first layer's product (128×3072 · 3072×512, oneDNN's side of
 * gemm.c's rule) over and over while signals arrive, the way they do in a user's process: the
 * V8 profiler's SIGPROF (`node --cpu-prof`), and a handled SIGUSR2 sent from outside. oneDNN
 * 2.6's JIT'd sgemm points rsp into the heap while it runs, so a signal handled during a product
 * writes its frame over malloc's bookkeeping (oneDNN issue 4845) and the process aborts or
 * computes garbage. Every product must still give the first product's bits, and the child exit 0.
 */
const CHILD = `
import { createRequire } from 'node:module';
const addon = createRequire(import.meta.url)(process.env.ADDON);
const [m, n, k] = [128, 512, 3072];
const heap = new ArrayBuffer(4 * (m * k + k * n + 2 * m * n));
const f = new Float32Array(heap);
for (let i = 0; i < m * k + k * n; i++) f[i] = ((i * 2654435761) % 1000) / 1000 - 0.5;
const c = 4 * (m * k + k * n);
addon.sgemm(heap, false, false, m, n, k, 0, 4 * m * k, c, 1, 0, 0);
const first = f.slice(m * k + k * n, m * k + k * n + m * n);
let handled = 0;
process.on('SIGUSR2', () => handled++);
process.send('ready');
const until = Date.now() + Number(process.env.MS);
let products = 0, differing = 0;
while (Date.now() < until) {
  addon.sgemm(heap, false, false, m, n, k, 0, 4 * m * k, c + 4 * m * n, 1, 0, 0);
  const out = new Float32Array(heap, c + 4 * m * n, m * n);
  for (let i = 0; i < m * n; i++) if (out[i] !== first[i]) { differing++; break; }
  products++;
  // Turns of the event loop, so handled signals reach their JavaScript handler.
  if (products % 8 === 0) await new Promise((r) => setImmediate(r));
}
// The parent stops its signals before this process exits (node drops its handlers on exit).
if (process.send) await new Promise((r) => { process.once('message', r); process.send('done'); });
console.log(JSON.stringify({ products, differing, handled }));
`;

interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runChild(nodeFlags: readonly string[], ms: number, storm: boolean): Promise<ChildResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gradproof-signals-'));
  const script = path.join(dir, 'child.mjs');
  writeFileSync(script, CHILD);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags.map((f) => f.replace('DIR', dir)), script], {
      env: { ...process.env, ADDON: NATIVE_ADDON_PATH, MS: String(ms) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('message', (message) => {
      if (message === 'ready' && storm) timer = setInterval(() => child.kill('SIGUSR2'), 1);
      if (message === 'done') {
        clearInterval(timer);
        child.send('stop');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(timer);
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe.runIf(NATIVE_AVAILABLE)('native products under signals', () => {
  it.each([
    ['the V8 profiler (node --cpu-prof)', ['--cpu-prof', '--cpu-prof-dir=DIR', '--cpu-prof-interval=100'], false],
    ['a handled SIGUSR2 every millisecond', [], true],
  ] as const)(
    `keeps every product's bits and the process alive while %s interrupts them (${NATIVE_GEMM})`,
    async (_what, flags, storm) => {
      const result = await runChild(flags, 1500, storm);
      expect(result.signal, result.stderr).toBeNull();
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout.trim().split('\n').pop()!) as { products: number; differing: number; handled: number };
      expect(report.products).toBeGreaterThan(20);
      expect(report.differing).toBe(0);
      if (storm) expect(report.handled).toBeGreaterThan(0);
    },
    30_000,
  );
});
