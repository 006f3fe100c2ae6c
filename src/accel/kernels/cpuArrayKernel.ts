import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';

/** A kernel body over plain float32 arrays: reads `inputs`, fills `outputs` (fresh and zeroed). */
export type ArrayKernelBody = (inputs: Float32Array[], outputs: Float32Array[], attrs: Record<string, unknown>) => void;

/** The kernel's inputs in `inputNames` order; throws, naming the kernel and input, unless each is float32. */
export function float32Inputs(name: string, inputNames: readonly string[], inputs: object): TensorInfo[] {
  return inputNames.map((n) => {
    const x = (inputs as Record<string, TensorInfo | undefined>)[n];
    if (x === undefined || x.dtype !== 'float32') throw new Error(`${name}: input ${n} must be float32, got ${x?.dtype}`);
    return x;
  });
}

/**
 * A float32 kernel for the cpu backend from a body over arrays: inputs are named in
 * `inputNames` order (the backend's own arrays), outputs get the shapes `outputShapes` gives.
 * Meant for small fused ops whose cost was the dispatch of a dozen stock kernels.
 */
export function cpuArrayKernel(
  name: string,
  inputNames: readonly string[],
  outputShapes: (inputs: TensorInfo[]) => number[][],
  body: ArrayKernelBody,
): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const ins = float32Inputs(name, inputNames, inputs);
    const shapes = outputShapes(ins);
    const cpu = backend as unknown as {
      data: { get(id: object): { values: unknown } };
      makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
    };
    const outArrays = shapes.map((s) => new Float32Array(tf.util.sizeFromShape(s)));
    body(
      ins.map((t) => cpu.data.get(t.dataId).values as Float32Array),
      outArrays,
      attrs as Record<string, unknown>,
    );
    return outArrays.map((values, i) => cpu.makeTensorInfo(shapes[i]!, 'float32', values));
  };
}
