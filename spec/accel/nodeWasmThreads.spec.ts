import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeWasmThreads } from '../../src/accel/nodeWasmThreads';
import { MAX_WASM_THREADS } from '../../src/backend/BackendInfo';
import { initBackend } from '../../src/backend/initBackend';
import { UsageError } from '../../src/errors/UsageError';
import { simdGemmFma } from '../../src/accel/wasmKernels/simdMatMul';
import { NATIVE_AVAILABLE, NATIVE_PATCHES, PURE_PATCHES } from './wasmModes';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface ChildReport {
  threads: number;
  patches: string[];
  weights: string;
  nativeAfter: { threads: number; reason: string | null };
  threadsOff: string | null;
}

/**
 * Starts pure wasm with `wasmThreads` in a fresh process (the binary is fixed per process),
 * takes four Adam steps on a seeded two-layer net big enough for its products (x·W1 by columns,
 * xᵀ·dy by rows) and W1's Adam step (67,200 quads) to be split across threads, and reports the
 * weights' bytes; then asks for the native addon.
 */
function trainInChild(wasmThreads: number, env: Record<string, string> = {}, native = false): ChildReport {
  const script = `
    import * as tf from '@tensorflow/tfjs';
    import { createHash } from 'node:crypto';
    import { initBackend } from './src/backend/initBackend.ts';
    import { nativeUnavailableReason, wasmThreadsUnavailableReason } from './src/backend/currentBackendInfo.ts';
    import { Adam } from './src/train/Adam.ts';
    const info = await initBackend('wasm', { native: ${native}, wasmThreads: ${wasmThreads} });
    const w1 = tf.variable(tf.randomNormal([600, 448], 0, 0.1, 'float32', 1));
    const w2 = tf.variable(tf.randomNormal([448, 10], 0, 0.1, 'float32', 2));
    const adam = new Adam([w1, w2], { kind: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    for (let step = 0; step < 4; step++) {
      const x = tf.randomNormal([96, 600], 0, 1, 'float32', 10 + step);
      const { grads } = tf.variableGrads(() => tf.mean(tf.square(tf.matMul(tf.relu(tf.matMul(x, w1)), w2))), [w1, w2]);
      adam.apply([grads[w1.name], grads[w2.name]]);
      tf.dispose([x, ...Object.values(grads)]);
    }
    const hash = createHash('sha256');
    for (const w of [w1, w2]) hash.update(Buffer.from(w.dataSync().buffer));
    const threadsOff = wasmThreadsUnavailableReason() ?? null;
    const after = await initBackend('wasm');
    console.log(JSON.stringify({
      threads: info.threads,
      patches: info.kernelPatches,
      weights: hash.digest('hex'),
      nativeAfter: { threads: after.threads, reason: nativeUnavailableReason() ?? null },
      threadsOff,
    }));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, GRADPROOF_NATIVE: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildReport;
}

describe('nodeWasmThreads', () => {
  it('runs pure wasm on tfjs-backend-wasm 4.22 threaded binary in Node, with the same bits as one thread', () => {
    const one = trainInChild(1);
    const two = trainInChild(2);
    const oneTwoRoundings = trainInChild(1, { GRADPROOF_SIMD_FMA: '0' });
    const twoXnnpack = trainInChild(2, { GRADPROOF_SIMD_GEMM: '0' });
    expect(one.threads).toBe(1);
    expect(two.threads).toBe(2);
    expect(two.patches).toEqual(PURE_PATCHES);
    expect(twoXnnpack.patches[0]).toBe('wasm:BatchMatMul');
    // gradproof's GEMM and XNNPACK both split a product by output elements, each summed by one
    // thread in one order, and in the same order as each other; without the fused multiply-add,
    // the GEMM rounds as XNNPACK does.
    expect(two.weights).toBe(one.weights);
    expect(twoXnnpack.weights).toBe(oneTwoRoundings.weights);
    // Where it fuses, the multiply-add does change the bits, which is why the record names it.
    if (simdGemmFma()) expect(one.weights).not.toBe(oneTwoRoundings.weights);
    else expect(one.weights).toBe(oneTwoRoundings.weights);
    // The addon cannot join the threaded binary's shared memory; the single-threaded one takes it.
    expect(two.nativeAfter.threads).toBe(2);
    expect(two.nativeAfter.reason).toMatch(/threaded binary \(2 product threads/);
    if (NATIVE_AVAILABLE) expect(one.nativeAfter.reason).toBeNull();
    expect([one.threadsOff, two.threadsOff]).toEqual([null, null]);
  }, 120_000);

  it.runIf(NATIVE_AVAILABLE)(
    'leaves the single-threaded binary to the native addon when it will run (wasmThreads is for pure wasm)',
    () => {
      const native = trainInChild(2, {}, true);
      expect(native.threads).toBe(1);
      expect(native.patches).toEqual(NATIVE_PATCHES);
      expect(native.threadsOff).toBeNull();
    },
    60_000,
  );

  it('falls back to one thread, saying why, when the worker files cannot be written', () => {
    // os.tmpdir() follows TMPDIR; a file where the worker folder should be blocks it.
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'gradproof-threads-'));
    writeFileSync(path.join(tmp, `gradproof-wasm-threads-${process.getuid!()}`), '');
    const blocked = trainInChild(2, { TMPDIR: tmp });
    rmSync(tmp, { recursive: true, force: true });
    expect(blocked.threads).toBe(1);
    expect(blocked.threadsOff).toMatch(/ENOTDIR|EEXIST|ENOENT/);
    expect(blocked.patches).toEqual(PURE_PATCHES);
  }, 60_000);

  it('rejects thread counts outside 2..8, naming the API', async () => {
    for (const bad of [1, MAX_WASM_THREADS + 1, 2.5]) {
      await expect(nodeWasmThreads(bad, async () => 0)).rejects.toThrow(`nodeWasmThreads: threads must be an integer in 2..8, got ${bad}`);
    }
  });

  it('puts Blob, URL.createObjectURL and os.cpus back even when the start fails', async () => {
    const before = [globalThis.Blob, URL.createObjectURL, os.cpus];
    let seenCpus = 0;
    await expect(
      nodeWasmThreads(3, async () => {
        seenCpus = os.cpus().length;
        expect(globalThis.Blob).not.toBe(before[0]);
        throw new Error('start failed');
      }),
    ).rejects.toThrow('start failed');
    // tfjs sizes its pool from half the logical cores it is told of.
    expect(seenCpus).toBe(6);
    expect([globalThis.Blob, URL.createObjectURL, os.cpus]).toEqual(before);
    expect('Worker' in globalThis).toBe(false);
  });
});

describe('initBackend wasmThreads', () => {
  it('rejects counts outside 1..8, echoing the value', async () => {
    for (const bad of [0, 9, 1.5]) {
      await expect(initBackend('wasm', { native: false, wasmThreads: bad })).rejects.toThrow(
        new UsageError(`initBackend: wasmThreads must be an integer in 1..8, got ${bad}`),
      );
    }
  });

  it('refuses a different count once the process runs the single-threaded binary', async () => {
    await initBackend('wasm', { native: false });
    await expect(initBackend('wasm', { native: false, wasmThreads: 2 })).rejects.toThrow(
      /wasmThreads 2 asked for, but this process's wasm backend already runs 1 product thread/,
    );
    const info = await initBackend('wasm', { native: false, wasmThreads: 1 });
    expect(info.threads).toBe(1);
  });
});
