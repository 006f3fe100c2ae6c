import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { accelState } from '../accelState.js';
import { simdFunctionFor } from '../simd/simdFunctionFor.js';
import { sumSquaresSimdModuleBytes } from '../simd/sumSquaresSimdModule.js';
import { heapOffset, wasmHeap, wasmMemory } from '../wasmKernels/wasmHeap.js';
import { cpuArrayKernel, float32Inputs } from './cpuArrayKernel.js';
import { sumOfSquares } from './sumOfSquares.js';
import { SUM_SQUARES_KERNEL } from '../../ops/sumSquares.js';

/** The SIMD Σx² module instantiated on a wasm memory (see simdFunctionFor). */
export const sumSquaresSimdFor = simdFunctionFor<(ptr: number, n: number) => number>(sumSquaresSimdModuleBytes, 'sumSquares');

/** The backends the kernel is registered for (tfjs-node keeps sum(square(x))). */
export const SUM_SQUARES_KERNEL_BACKENDS = ['wasm', 'cpu'] as const;

/**
 * Registers the squared-norm kernel (SUM_SQUARES_KERNEL, see ops/sumSquares) for wasm and cpu (idempotent). One read of x, no temporary: the
 * square-then-sum it replaces wrote and re-read a full-size tensor for every gradient, every step.
 * On wasm it runs in the native addon, else gradproof's SIMD module (sumSquaresSimdModule), else
 * JavaScript; all three give the same bits.
 */
export function registerSumSquaresKernel(): void {
  for (const backendName of SUM_SQUARES_KERNEL_BACKENDS) {
    if (tf.getKernel(SUM_SQUARES_KERNEL, backendName) != null) continue;
    tf.registerKernel({ kernelName: SUM_SQUARES_KERNEL, backendName, kernelFunc: backendName === 'wasm' ? wasmSumSquares : cpuSumSquares });
  }
}

const wasmSumSquares: KernelFunc = ({ inputs, backend }) => {
  const wasm = backend as BackendWasm;
  const [x] = float32Inputs(SUM_SQUARES_KERNEL, ['x'], inputs) as [TensorInfo];
  const n = tf.util.sizeFromShape(x.shape);
  const out = wasm.makeOutput([], 'float32');
  const addon = accelState.native;
  // Views are taken after the output exists: the allocation may grow (and replace) the heap.
  const sum = addon ? addon.sumSquares(wasmHeap(wasm), heapOffset(wasm, x), n) : pureWasmSumOfSquares(wasm, x, n);
  (wasm.typedArrayFromHeap(out) as Float32Array)[0] = sum;
  return [out];
};

function pureWasmSumOfSquares(wasm: BackendWasm, x: TensorInfo, n: number): number {
  const memory = wasmMemory(wasm);
  const simd = memory && sumSquaresSimdFor(memory);
  return simd ? simd(heapOffset(wasm, x), n) : sumOfSquares(wasm.typedArrayFromHeap(x) as Float32Array);
}

const cpuSumSquares = cpuArrayKernel(
  SUM_SQUARES_KERNEL,
  ['x'],
  () => [[]],
  ([x], [out]) => {
    out![0] = sumOfSquares(x!);
  },
);
