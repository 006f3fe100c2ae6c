import * as tf from '@tensorflow/tfjs';
import { UsageError } from '../errors/UsageError.js';
import type { BackendChoice, BackendInfo, BackendName } from './BackendInfo.js';
import { backendState } from './backendState.js';
import { kernelPatches, nativeInfo, wasmProductThreads, wasmThreadsUnavailable } from '../accel/index.js';
import { packageVersion } from './packageVersion.js';

const BACKEND_PACKAGES: Record<BackendName, string> = {
  tensorflow: '@tensorflow/tfjs-node',
  wasm: '@tensorflow/tfjs-backend-wasm',
  cpu: '@tensorflow/tfjs-backend-cpu',
};

const CHOICE_OF: Record<BackendName, BackendChoice> = { tensorflow: 'node', wasm: 'wasm', cpu: 'cpu' };

/**
 * The BackendInfo of the active tfjs backend, for run records. Reads the live state (active
 * backend, installed kernel patches, package versions), so it stays true even if someone
 * called `tf.setBackend` after `initBackend`. Throws UsageError when no supported backend is active.
 */
export function currentBackendInfo(): BackendInfo {
  const active = tf.getBackend() as string | undefined;
  if (active !== 'tensorflow' && active !== 'wasm' && active !== 'cpu') {
    throw new UsageError(`currentBackendInfo: no supported backend is active (got ${String(active)}); call initBackend('auto') first`);
  }
  const versions: Record<string, string> = {};
  for (const pkg of ['@tensorflow/tfjs', '@tensorflow/tfjs-core', BACKEND_PACKAGES[active]]) {
    versions[pkg] = packageVersion(pkg) ?? 'unknown';
  }
  versions.node = process.versions.node;
  const requested = backendState.resolved === active && backendState.requested !== undefined ? backendState.requested : CHOICE_OF[active];
  const patches = kernelPatches(active);
  if (active !== 'wasm') return { name: active, requested, versions, kernelPatches: patches };
  const native = nativeInfo();
  return {
    name: active,
    requested,
    versions,
    simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
    threads: wasmProductThreads() ?? 1,
    kernelPatches: patches,
    ...(native ? { native } : {}),
  };
}

/** Why the native addon is off although it was asked for (not built, disabled, wrong tfjs), else undefined. */
export function nativeUnavailableReason(): string | undefined {
  return backendState.nativeUnavailable;
}

/** Why pure wasm runs its products on one thread although more were asked for (threaded binary or GEMM workers failed to start), else undefined. */
export function wasmThreadsUnavailableReason(): string | undefined {
  return wasmThreadsUnavailable();
}
