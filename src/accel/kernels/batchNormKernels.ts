import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { accelState } from '../accelState.js';
import { heapOffset, wasmHeap } from '../wasmKernels/wasmHeap.js';
import { cpuArrayKernel, float32Inputs } from './cpuArrayKernel.js';
import { batchNormBackward, batchNormForward } from './batchNormMath.js';
import { BN_BACKWARD_KERNEL, BN_FORWARD_KERNEL } from '../../ops/batchNormTraining.js';


const forwardShapes = ([x]: TensorInfo[]): number[][] => {
  const c = x!.shape[1]!;
  return [x!.shape.slice(), x!.shape.slice(), [c], [c], [c]];
};
const backwardShapes = ([dy, , std]: TensorInfo[]): number[][] => [dy!.shape.slice(), std!.shape.slice(), std!.shape.slice()];

const cpuForward = cpuArrayKernel(BN_FORWARD_KERNEL, ['x', 'gamma', 'beta'], forwardShapes, ([x, gamma, beta], outs, attrs) => {
  const [y, xHat, mean, variance, std] = outs as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  batchNormForward(x!, x!.length / gamma!.length, gamma!.length, gamma!, beta!, attrs.eps as number, { y, xHat, mean, variance, std });
});

const cpuBackward = cpuArrayKernel(BN_BACKWARD_KERNEL, ['dy', 'xHat', 'std', 'gamma'], backwardShapes, ([dy, xHat, std, gamma], outs) => {
  const [dx, dGamma, dBeta] = outs as [Float32Array, Float32Array, Float32Array];
  batchNormBackward(dy!, xHat!, std!, gamma!, dy!.length / gamma!.length, gamma!.length, { dx, dGamma, dBeta });
});

/** On wasm the kernels run in the native addon (C, the same operations as batchNormMath). */
function wasmKernel(name: string, inputNames: readonly string[], shapes: (ins: TensorInfo[]) => number[][], forward: boolean): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const addon = accelState.native;
    if (addon == null) throw new Error(`${name}: runs on wasm only with gradproof's native addon active`);
    const wasm = backend as BackendWasm;
    const ins = float32Inputs(name, inputNames, inputs);
    const outs = shapes(ins).map((s) => wasm.makeOutput(s, 'float32'));
    const at = [...ins, ...outs].map((t) => heapOffset(wasm, t));
    const c = ins[forward ? 1 : 3]!.shape[0]!;
    const n = tf.util.sizeFromShape(ins[0]!.shape) / c;
    const heap = wasmHeap(wasm);
    if (forward)
      addon.bnForward(heap, at[0]!, at[1]!, at[2]!, at[3]!, at[4]!, at[5]!, at[6]!, at[7]!, n, c, (attrs as { eps: number }).eps);
    else addon.bnBackward(heap, at[0]!, at[1]!, at[2]!, at[3]!, at[4]!, at[5]!, at[6]!, n, c);
    return outs;
  };
}

/**
 * Registers batch norm's fused training kernels (BN_FORWARD_KERNEL, BN_BACKWARD_KERNEL, see
 * ops/batchNormTraining) on cpu, in JavaScript (idempotent). One dispatch each way replaces
 * about 25 stock kernels per layer, most of a deep batch-norm net's step.
 */
export function registerBatchNormKernels(): void {
  for (const [kernelName, kernelFunc] of [
    [BN_FORWARD_KERNEL, cpuForward],
    [BN_BACKWARD_KERNEL, cpuBackward],
  ] as const) {
    if (tf.getKernel(kernelName, 'cpu') == null) tf.registerKernel({ kernelName, backendName: 'cpu', kernelFunc });
  }
}

/**
 * Registers the kernels on wasm, in the native addon, while it is active (`on`), and removes
 * them when it is not: batch norm takes whatever is registered (see fusedBatchNormAvailable),
 * and pure wasm keeps the op-by-op reference, whose stock kernels are SIMD (JavaScript loops
 * would be slower), as does tfjs-node.
 */
export function registerNativeBatchNormKernels(on: boolean): void {
  const kernels: [string, KernelFunc][] = [
    [BN_FORWARD_KERNEL, wasmKernel(BN_FORWARD_KERNEL, ['x', 'gamma', 'beta'], forwardShapes, true)],
    [BN_BACKWARD_KERNEL, wasmKernel(BN_BACKWARD_KERNEL, ['dy', 'xHat', 'std', 'gamma'], backwardShapes, false)],
  ];
  for (const [kernelName, kernelFunc] of kernels) {
    const registered = tf.getKernel(kernelName, 'wasm') != null;
    if (on && !registered) tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
    if (!on && registered) tf.unregisterKernel(kernelName, 'wasm');
  }
}
