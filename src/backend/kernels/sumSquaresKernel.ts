import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { accelState } from '../accelState';
import { heapOffset, wasmHeap } from '../wasmKernels/wasmHeap';
import { sumOfSquares } from './sumOfSquares';

/** gradproof's squared-norm kernel: input {x} float32, output the scalar Σ x² (accumulated in double). */
export const SUM_SQUARES_KERNEL = 'GradproofSumSquares';

/** The backends the kernel is registered for (tfjs-node keeps sum(square(x))). */
export const SUM_SQUARES_KERNEL_BACKENDS = ['wasm', 'cpu'] as const;

/**
 * Registers the kernel for wasm and cpu (idempotent). One read of x, no temporary: the
 * square-then-sum it replaces wrote and re-read a full-size tensor for every gradient, every step.
 */
export function registerSumSquaresKernel(): void {
  for (const backendName of SUM_SQUARES_KERNEL_BACKENDS) {
    if (tf.getKernel(SUM_SQUARES_KERNEL, backendName) != null) continue;
    tf.registerKernel({ kernelName: SUM_SQUARES_KERNEL, backendName, kernelFunc: backendName === 'wasm' ? wasmSumSquares : cpuSumSquares });
  }
}

function checked(x: TensorInfo): number {
  if (x.dtype !== 'float32') throw new Error(`${SUM_SQUARES_KERNEL}: x must be float32, got ${x.dtype}`);
  return tf.util.sizeFromShape(x.shape);
}

const wasmSumSquares: KernelFunc = ({ inputs, backend }) => {
  const wasm = backend as BackendWasm;
  const x = (inputs as { x: TensorInfo }).x;
  const n = checked(x);
  const out = wasm.makeOutput([], 'float32');
  const addon = accelState.native;
  // Views are taken after the output exists: the allocation may grow (and replace) the heap.
  const sum = addon ? addon.sumSquares(wasmHeap(wasm), heapOffset(wasm, x), n) : sumOfSquares(wasm.typedArrayFromHeap(x) as Float32Array);
  (wasm.typedArrayFromHeap(out) as Float32Array)[0] = sum;
  return out;
};

const cpuSumSquares: KernelFunc = ({ inputs, backend }) => {
  const cpu = backend as unknown as {
    data: { get(id: object): { values: unknown } };
    makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
  };
  const x = (inputs as { x: TensorInfo }).x;
  checked(x);
  return cpu.makeTensorInfo([], 'float32', Float32Array.of(sumOfSquares(cpu.data.get(x.dataId).values as Float32Array)));
};
