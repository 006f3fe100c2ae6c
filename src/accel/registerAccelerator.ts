import { installAccelerator } from '../ops/installAccelerator.js';
import { registerAdamKernel } from './kernels/adamKernel.js';
import { registerBatchNormKernels } from './kernels/batchNormKernels.js';
import { nativeAdamInPlace } from './kernels/nativeAdamInPlace.js';
import { registerRunningMomentsKernel } from './kernels/runningMomentsKernel.js';
import { registerSumSquaresKernel } from './kernels/sumSquaresKernel.js';
import { wasmBatchInput } from './wasmKernels/wasmBatchInput.js';

/**
 * Plugs the accelerator into the core's operations (src/ops/), idempotently: registers its
 * kernels for them on wasm and cpu (the batch-norm ones on wasm follow the native addon, see
 * configureNative) and installs its hooks for the operations that are not kernels (Adam in
 * place, batch assembly). The stock wasm kernels it replaces are patched when wasm starts (see
 * loadWasmBackend).
 */
export function registerAccelerator(): void {
  registerAdamKernel();
  registerSumSquaresKernel();
  registerBatchNormKernels();
  registerRunningMomentsKernel();
  installAccelerator({ adamInPlace: nativeAdamInPlace, batchInput: wasmBatchInput });
}
