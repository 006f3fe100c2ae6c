import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../backend/BackendInfo.js';
import { accelState } from './accelState.js';
import { ADAM_KERNEL } from '../ops/adamStep.js';
import { BN_BACKWARD_KERNEL, BN_FORWARD_KERNEL } from '../ops/batchNormTraining.js';
import { HIDDEN_STACK_GRAD_KERNEL, HIDDEN_STACK_KERNEL } from '../ops/hiddenStack.js';
import { RUNNING_MOMENTS_KERNEL } from '../ops/runningMoments.js';
import { SUM_SQUARES_EACH_KERNEL, SUM_SQUARES_KERNEL } from '../ops/sumSquares.js';
import { NATIVE_ONLY_KERNELS, patchedWasmKernels } from './patchWasmKernels.js';
import { simdGemmDisabled, simdGemmFma } from './wasmKernels/simdMatMul.js';

/**
 * The kernels the accelerator replaced or added on `active`, as `backend:KernelName` for
 * BackendInfo.kernelPatches: suffixed `+openblas` (`+openblas+onednn`) / `+native` where the native addon computes
 * them, `wasm:BatchMatMul+fma` where pure wasm's GEMM fuses its multiply-add. Read live from the
 * kernel registry and the accelerator's state.
 */
export function kernelPatches(active: BackendName): string[] {
  const registered = (k: string): boolean => tf.getKernel(k, active) != null;
  // Which of gradproof's own kernels run in C when the addon is active (the batch-norm and
  // hidden-stack ones are registered only where their operations take them); the running-moments
  // update is JavaScript on every path.
  const nativeCapable = [
    ADAM_KERNEL,
    SUM_SQUARES_KERNEL,
    SUM_SQUARES_EACH_KERNEL,
    BN_FORWARD_KERNEL,
    BN_BACKWARD_KERNEL,
    HIDDEN_STACK_KERNEL,
    HIDDEN_STACK_GRAD_KERNEL,
  ].filter(registered);
  const own = [...nativeCapable, RUNNING_MOMENTS_KERNEL].filter(registered);
  const ownPatches = own.map((k) => `${active}:${k}`);
  if (active !== 'wasm') return ownPatches;
  const native = accelState.native;
  const wasmPatches = patchedWasmKernels().filter((p) => native || !NATIVE_ONLY_KERNELS.includes(p.slice('wasm:'.length)));
  const patches = [...wasmPatches, ...ownPatches];
  const blas = accelState.blasThreads > 1 ? `-t${accelState.blasThreads}` : '';
  // With the addon, those kernels and the native-only patches run in C; Identity stays as it is.
  const inC = new Set([...nativeCapable, ...NATIVE_ONLY_KERNELS].map((k) => `wasm:${k}`));
  const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
  // Pure wasm's GEMM rounds once a term where its multiply-add fuses, so its products' bits differ from XNNPACK's.
  const fma = !native && simd && !simdGemmDisabled() && simdGemmFma();
  // OpenBLAS rounds differently at different thread counts, so a count above 1 is named; an addon
  // built with oneDNN multiplies some shapes there (other bits), so that is named too.
  const library = native?.info().library ?? 'openblas';
  return native
    ? patches.map((p) => (p.includes('MatMul') ? `${p}+${library}${blas}` : inC.has(p) ? `${p}+native` : p))
    : patches.map((p) => (fma && p === 'wasm:BatchMatMul' ? `${p}+fma` : p));
}
