import * as tf from '@tensorflow/tfjs';
import { UsageError } from '../errors/UsageError.js';
import type { BackendChoice, BackendInfo, BackendName } from './BackendInfo.js';
import { accelState } from './accelState.js';
import { backendState } from './backendState.js';
import { ADAM_KERNEL } from './kernels/adamKernel.js';
import { BN_BACKWARD_KERNEL, BN_FORWARD_KERNEL, fusedBatchNormAvailable } from './kernels/batchNormKernels.js';
import { RUNNING_MOMENTS_KERNEL } from './kernels/runningMomentsKernel.js';
import { SUM_SQUARES_KERNEL } from './kernels/sumSquaresKernel.js';
import { packageVersion } from './packageVersion.js';
import { NATIVE_ONLY_KERNELS, patchedWasmKernels } from './patchWasmKernels.js';
import { simdGemmDisabled, simdGemmFma } from './wasmKernels/simdMatMul.js';

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
  // The batch-norm kernels count only where batch norm takes them (see fusedBatchNormAvailable).
  const bn = fusedBatchNormAvailable() ? [BN_FORWARD_KERNEL, BN_BACKWARD_KERNEL] : [];
  const registered = (k: string): boolean => tf.getKernel(k, active) != null;
  // Which of gradproof's own kernels run in C when the addon is active; the running-moments
  // update is JavaScript on every path.
  const nativeCapable = [ADAM_KERNEL, SUM_SQUARES_KERNEL, ...bn].filter(registered);
  const own = [...nativeCapable, RUNNING_MOMENTS_KERNEL].filter(registered);
  const ownPatches = own.map((k) => `${active}:${k}`);
  if (active !== 'wasm') return { name: active, requested, versions, kernelPatches: ownPatches };
  const native = accelState.native;
  const wasmPatches = patchedWasmKernels().filter((p) => native || !NATIVE_ONLY_KERNELS.includes(p.slice('wasm:'.length)));
  const patches = [...wasmPatches, ...ownPatches];
  const blas = accelState.blasThreads > 1 ? `-t${accelState.blasThreads}` : '';
  // With the addon, those kernels and the native-only patches run in C; Identity stays as it is.
  const inC = new Set([...nativeCapable, ...NATIVE_ONLY_KERNELS].map((k) => `wasm:${k}`));
  const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
  // Pure wasm's GEMM rounds once a term where its multiply-add fuses, so its products' bits differ from XNNPACK's.
  const fma = !native && simd && !simdGemmDisabled() && simdGemmFma();
  return {
    name: active,
    requested,
    versions,
    simd,
    threads: backendState.wasmThreads ?? 1,
    // OpenBLAS rounds differently at different thread counts, so a count above 1 is named.
    kernelPatches: native
      ? patches.map((p) => (p.includes('MatMul') ? `${p}+openblas${blas}` : inC.has(p) ? `${p}+native` : p))
      : patches.map((p) => (fma && p === 'wasm:BatchMatMul' ? `${p}+fma` : p)),
    ...(native ? { native: { ...native.info(), library: 'openblas' as const, threads: accelState.blasThreads } } : {}),
  };
}

/** Why the native addon is off although it was asked for (not built, disabled, wrong tfjs), else undefined. */
export function nativeUnavailableReason(): string | undefined {
  return backendState.nativeUnavailable;
}

/** Why pure wasm runs its products on one thread although more were asked for (threaded binary or GEMM workers failed to start), else undefined. */
export function wasmThreadsUnavailableReason(): string | undefined {
  return backendState.wasmThreadsUnavailable;
}
