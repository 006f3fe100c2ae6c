import type { BackendOptions } from '../../src/backend/BackendInfo';
import { loadNativeAddon } from '../../src/accel/native/loadNativeAddon';
import { simdGemmFma } from '../../src/accel/wasmKernels/simdMatMul';

/** One way to run the wasm backend: gradproof's pure-wasm kernels, or its native addon. */
export interface WasmMode {
  readonly label: string;
  readonly options: BackendOptions;
}

/** Whether the native addon loads here (built by npm ci where OpenBLAS is installed). */
const nativeLoad = loadNativeAddon();
export const NATIVE_AVAILABLE = nativeLoad.ok;

/** The products' library as kernelPatches names it: `openblas`, or `openblas+onednn` for an addon built with oneDNN. */
export const NATIVE_GEMM = nativeLoad.ok ? nativeLoad.addon.info().library : 'openblas';

/**
 * backend.kernelPatches on pure wasm: the patched matmuls (the GEMM's products fused
 * multiply-adds where this engine and CPU fuse them), shared Identity, fused Adam, Σx² and the
 * batch-norm running-moments update.
 */
export const PURE_PATCHES = [
  simdGemmFma() ? 'wasm:BatchMatMul+fma' : 'wasm:BatchMatMul',
  'wasm:_FusedMatMul',
  'wasm:Identity',
  'wasm:GradproofAdam',
  'wasm:GradproofSumSquares',
  'wasm:GradproofSumSquaresEach',
  'wasm:GradproofRunningMoments',
];

/** backend.kernelPatches with the native addon (one OpenBLAS thread). */
export const NATIVE_PATCHES = [
  `wasm:BatchMatMul+${NATIVE_GEMM}`,
  `wasm:_FusedMatMul+${NATIVE_GEMM}`,
  'wasm:Sum+native',
  'wasm:Identity',
  'wasm:Tanh+native',
  'wasm:GradproofAdam+native',
  'wasm:GradproofSumSquares+native',
  'wasm:GradproofSumSquaresEach+native',
  'wasm:GradproofBatchNorm+native',
  'wasm:GradproofBatchNormGrad+native',
  'wasm:GradproofHiddenStack+native',
  'wasm:GradproofHiddenStackGrad+native',
  'wasm:GradproofRunningMoments',
];

/** The modes to run wasm specs in: pure wasm always, the native addon where it is built. */
export const WASM_MODES: readonly WasmMode[] = [
  { label: 'pure wasm', options: { native: false } },
  ...(NATIVE_AVAILABLE ? [{ label: 'native OpenBLAS', options: { native: true } }] : []),
];

let current: WasmMode = WASM_MODES[0]!;

/** Selects the mode that wasmOptions() returns (call in a describe.each block's beforeAll). */
export function selectWasmMode(mode: WasmMode): void {
  current = mode;
}

/** initBackend options of the selected mode. */
export function wasmOptions(): BackendOptions {
  return current.options;
}
