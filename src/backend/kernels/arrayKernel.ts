import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** A kernel body over plain float32 arrays: reads `inputs`, fills `outputs` (fresh, zeroed on cpu). */
export type ArrayKernelBody = (inputs: Float32Array[], outputs: Float32Array[], attrs: Record<string, unknown>) => void;

/**
 * A float32 kernel for the wasm or cpu backend from a body over arrays: inputs are named in
 * `inputNames` order, outputs get the shapes `outputShapes` gives. On wasm the arrays are views
 * of the backend's heap (taken after every output exists, since an allocation may replace the
 * heap); on cpu they are the backend's own arrays. Meant for small fused ops whose cost was the
 * dispatch of a dozen stock kernels, not the arithmetic.
 */
export function arrayKernel(
  name: string,
  backendName: 'wasm' | 'cpu',
  inputNames: readonly string[],
  outputShapes: (inputs: TensorInfo[]) => number[][],
  body: ArrayKernelBody,
): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const ins = inputNames.map((n) => (inputs as Record<string, TensorInfo>)[n]!);
    for (const [i, x] of ins.entries()) {
      if (x === undefined || x.dtype !== 'float32') throw new Error(`${name}: input ${inputNames[i]} must be float32, got ${x?.dtype}`);
    }
    const shapes = outputShapes(ins);
    if (backendName === 'wasm') {
      const wasm = backend as BackendWasm;
      const outs = shapes.map((s) => wasm.makeOutput(s, 'float32'));
      const view = (t: TensorInfo) => wasm.typedArrayFromHeap(t) as Float32Array;
      body(ins.map(view), outs.map(view), attrs as Record<string, unknown>);
      return outs;
    }
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
