import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { cpuArrayKernel, float32Inputs } from './cpuArrayKernel.js';
import { foldRunningMoments } from './batchNormMath.js';
import { RUNNING_MOMENTS_KERNEL } from '../../ops/runningMoments.js';

/** The backends the kernel is registered for (tfjs-node keeps the op-by-op update). */
export const RUNNING_MOMENTS_KERNEL_BACKENDS = ['wasm', 'cpu'] as const;

const INPUTS = ['runningMean', 'runningVar', 'mean', 'variance'] as const;

interface MomentsAttrs {
  readonly momentum: number;
  readonly count: number;
}

const shapes = ([runningMean]: TensorInfo[]): number[][] => [runningMean!.shape.slice(), runningMean!.shape.slice()];

const cpuKernel = cpuArrayKernel(RUNNING_MOMENTS_KERNEL, INPUTS, shapes, ([rm, rv, mean, variance], [outMean, outVar], attrs) => {
  const { momentum, count } = attrs as unknown as MomentsAttrs;
  foldRunningMoments(rm!, rv!, mean!, variance!, momentum, count, outMean!, outVar!);
});

// JavaScript over heap views even with the native addon: the vectors hold one value per unit,
// and what this replaces was the dispatch of seven stock kernels, not arithmetic.
const wasmKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { momentum, count } = attrs as unknown as MomentsAttrs;
  const ins = float32Inputs(RUNNING_MOMENTS_KERNEL, INPUTS, inputs);
  const outs = shapes(ins).map((s) => wasm.makeOutput(s, 'float32'));
  // Views are taken after the outputs exist: an allocation may grow (and replace) the heap.
  const [rm, rv, mean, variance, outMean, outVar] = [...ins, ...outs].map((t) => wasm.typedArrayFromHeap(t) as Float32Array);
  foldRunningMoments(rm!, rv!, mean!, variance!, momentum, count, outMean!, outVar!);
  return outs;
};

/**
 * Registers the running-statistics update of batch norm for wasm and cpu (idempotent). Per layer
 * and step it is one dispatch instead of five multiplies and two adds by scalars, whose dispatch
 * costs far more on wasm than the arithmetic on a vector of 16 values. Same float32 steps, same bits.
 */
export function registerRunningMomentsKernel(): void {
  for (const backendName of RUNNING_MOMENTS_KERNEL_BACKENDS) {
    if (tf.getKernel(RUNNING_MOMENTS_KERNEL, backendName) != null) continue;
    tf.registerKernel({ kernelName: RUNNING_MOMENTS_KERNEL, backendName, kernelFunc: backendName === 'wasm' ? wasmKernel : cpuKernel });
  }
}
