import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { accelState } from '../accelState.js';
import { simdFunctionFor } from '../simd/simdFunctionFor.js';
import { sumSquaresSimdModuleBytes } from '../simd/sumSquaresSimdModule.js';
import { heapOffset, wasmHeap, wasmMemory } from '../wasmKernels/wasmHeap.js';
import { cpuArrayKernel, float32Inputs } from './cpuArrayKernel.js';
import { sumOfSquares } from './sumOfSquares.js';
import { SUM_SQUARES_EACH_KERNEL, SUM_SQUARES_KERNEL } from '../../ops/sumSquares.js';

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
    const wasm = backendName === 'wasm';
    if (tf.getKernel(SUM_SQUARES_KERNEL, backendName) == null) {
      tf.registerKernel({ kernelName: SUM_SQUARES_KERNEL, backendName, kernelFunc: wasm ? wasmSumSquares : cpuSumSquares });
    }
    if (tf.getKernel(SUM_SQUARES_EACH_KERNEL, backendName) == null) {
      tf.registerKernel({ kernelName: SUM_SQUARES_EACH_KERNEL, backendName, kernelFunc: wasm ? wasmSumSquaresEach : cpuSumSquaresEach });
    }
  }
}

/** Σx² of one wasm tensor, by the addon, else the SIMD module, else JavaScript: the same bits. */
function wasmSumOf(wasm: BackendWasm, x: TensorInfo): number {
  const n = tf.util.sizeFromShape(x.shape);
  const addon = accelState.native;
  return addon ? addon.sumSquares(wasmHeap(wasm), heapOffset(wasm, x), n) : pureWasmSumOfSquares(wasm, x, n);
}

const wasmSumSquares: KernelFunc = ({ inputs, backend }) => {
  const wasm = backend as BackendWasm;
  const [x] = float32Inputs(SUM_SQUARES_KERNEL, ['x'], inputs) as [TensorInfo];
  const out = wasm.makeOutput([], 'float32');
  // Views are taken after the output exists: the allocation may grow (and replace) the heap.
  (wasm.typedArrayFromHeap(out) as Float32Array)[0] = wasmSumOf(wasm, x);
  return [out];
};

const wasmSumSquaresEach: KernelFunc = ({ inputs, backend }) => {
  const wasm = backend as BackendWasm;
  const xs = eachInput(inputs);
  const out = wasm.makeOutput([xs.length], 'float32');
  // One sum at a time, each written before the next view is taken (a view outlives no allocation here).
  xs.forEach((x, i) => {
    const sum = wasmSumOf(wasm, x);
    (wasm.typedArrayFromHeap(out) as Float32Array)[i] = sum;
  });
  return [out];
};

/** The many-tensor kernel's inputs, in order; every one float32 (sumSquaresEach sends only those). */
function eachInput(inputs: tf.NamedTensorInfoMap): TensorInfo[] {
  const xs = Object.values(inputs) as TensorInfo[];
  const bad = xs.find((x) => x.dtype !== 'float32');
  if (bad)
    throw new TypeError(`${SUM_SQUARES_EACH_KERNEL}: every input must be float32, got ${bad.dtype} (shape [${bad.shape.join(', ')}])`);
  return xs;
}

const cpuSumSquaresEach: KernelFunc = ({ inputs, backend }) => {
  const cpu = backend as unknown as {
    data: { get(id: object): { values: unknown } };
    makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
  };
  const xs = eachInput(inputs);
  // Float32Array rounds each double sum as the one-tensor kernel's float32 output does.
  const values = new Float32Array(xs.map((x) => sumOfSquares(cpu.data.get(x.dataId).values as Float32Array)));
  return [cpu.makeTensorInfo([xs.length], 'float32', values)];
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
