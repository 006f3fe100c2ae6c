import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import { currentBackendInfo } from '../../src/backend/currentBackendInfo';
import { packageVersion } from '../../src/backend/packageVersion';
import { UsageError } from '../../src/errors/UsageError';
import type { BackendChoice } from '../../src/backend/BackendInfo';
import { nativeUnavailableReason } from '../../src/backend/currentBackendInfo';
import { NATIVE_AVAILABLE, NATIVE_GEMM, NATIVE_PATCHES, PURE_PATCHES } from '../accel/wasmModes';

const nodeInstalled = packageVersion('@tensorflow/tfjs-node') !== undefined;

describe('initBackend', () => {
  it("'cpu' activates the cpu backend and reports versions, with only gradproof's fused Adam, squared-norm and batch-norm kernels added", async () => {
    const info = await initBackend('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(info).toMatchObject({
      name: 'cpu',
      requested: 'cpu',
      kernelPatches: [
        'cpu:GradproofAdam',
        'cpu:GradproofSumSquares',
        'cpu:GradproofSumSquaresEach',
        'cpu:GradproofBatchNorm',
        'cpu:GradproofBatchNormGrad',
        'cpu:GradproofRunningMoments',
      ],
    });
    expect(info.native).toBeUndefined();
    expect(info.versions['@tensorflow/tfjs-core']).toBe(tf.version_core);
    expect(info.versions['@tensorflow/tfjs-backend-cpu']).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.versions.node).toBe(process.versions.node);
    expect(info.simd).toBeUndefined();
  });

  it("'wasm' activates wasm, single-threaded, with both matmul kernels patched and the native addon where built", async () => {
    const info = await initBackend('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info).toMatchObject({ name: 'wasm', requested: 'wasm', threads: 1 });
    expect(info.kernelPatches).toEqual(NATIVE_AVAILABLE ? NATIVE_PATCHES : PURE_PATCHES);
    if (NATIVE_AVAILABLE) expect(info.native).toMatchObject({ library: NATIVE_GEMM, threads: 1, config: expect.stringMatching(/OpenBLAS/) });
    else expect(nativeUnavailableReason()).toMatch(/\S/);
    expect(info.versions['@tensorflow/tfjs-backend-wasm']).toMatch(/^\d+\.\d+\.\d+/);
    expect(typeof info.simd).toBe('boolean');
    expect(tf.tidy(() => tf.tensor([1, 2, 3]).sum().arraySync())).toBe(6);
  });

  it('falls back to the pure-wasm kernels when told not to use the native addon, and back again', async () => {
    const pure = await initBackend('wasm', { native: false });
    expect(pure.kernelPatches).toEqual(PURE_PATCHES);
    expect(pure.native).toBeUndefined();
    expect(nativeUnavailableReason()).toBeUndefined();
    expect(tf.tidy(() => tf.matMul(tf.tensor2d([1, 2], [1, 2]), tf.tensor2d([3, 4], [2, 1])).arraySync())).toEqual([[11]]);
    const again = await initBackend('wasm');
    expect(again.kernelPatches).toEqual(NATIVE_AVAILABLE ? NATIVE_PATCHES : PURE_PATCHES);
  });

  it.runIf(process.env.CI !== undefined && existsSync('/usr/lib/x86_64-linux-gnu/libopenblas.so'))(
    'has the native addon built where OpenBLAS is installed (CI installs libopenblas-dev)',
    () => {
      expect(NATIVE_AVAILABLE).toBe(true);
    },
  );

  it('rejects a bad blasThreads with a UsageError echoing it', async () => {
    await expect(initBackend('wasm', { blasThreads: 0 })).rejects.toThrow(/^initBackend: blasThreads must be a positive integer, got 0/);
  });

  it('is cheap and stable when called again with the same choice, and can switch back and forth', async () => {
    const first = await initBackend('wasm');
    const t0 = performance.now();
    const again = await initBackend('wasm');
    expect(performance.now() - t0).toBeLessThan(50);
    expect(again).toEqual(first);
    expect((await initBackend('cpu')).name).toBe('cpu');
    const back = await initBackend('wasm');
    expect(back).toEqual(first);
    expect(currentBackendInfo()).toEqual(first);
  });

  it("'auto' picks tensorflow when tfjs-node is installed, otherwise wasm", async () => {
    const info = await initBackend('auto');
    expect(info.requested).toBe('auto');
    expect(info.name).toBe(nodeInstalled ? 'tensorflow' : 'wasm');
    expect(currentBackendInfo().requested).toBe('auto');
  });

  it.skipIf(nodeInstalled)("'node' without @tensorflow/tfjs-node is a UsageError saying how to install it", async () => {
    const before = tf.getBackend();
    const error = await initBackend('node').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/^initBackend: backend "node" needs @tensorflow\/tfjs-node/);
    expect((error as UsageError).message).toContain('npm i @tensorflow/tfjs-node');
    expect(tf.getBackend()).toBe(before);
  });

  it('rejects an unknown choice with a UsageError echoing it', async () => {
    await expect(initBackend('gpu' as BackendChoice)).rejects.toThrow(/^initBackend: unknown backend "gpu"/);
  });
});
