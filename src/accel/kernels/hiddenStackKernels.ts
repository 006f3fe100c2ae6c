import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { Activation } from '../../models/MlpConfig.js';
import { NARROW_STACK_GRAD_KERNEL, NARROW_STACK_KERNEL } from '../../ops/narrowStack.js';
import { accelState } from '../accelState.js';
import type { NativeAddon } from '../native/NativeAddon.js';
import { heapOffset, wasmHeap } from '../wasmKernels/wasmHeap.js';
import { float32Inputs } from './cpuArrayKernel.js';

/** The kernels' attrs (see NARROW_STACK_KERNEL). */
interface NarrowAttrs {
  readonly layers: number;
  readonly activation: Activation;
  readonly batchNorm: boolean;
  readonly eps: number;
}

/** The addon's activation codes (narrowstack.h). */
const ACTIVATION_CODE: Record<Activation, number> = { sigmoid: 0, tanh: 1, relu: 2 };

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Throws, naming the kernel and input, unless `t` has `shape`: the addon reads sizes from the attrs alone. */
function expectShape(kernel: string, input: string, t: TensorInfo, shape: number[]): void {
  if (!tf.util.arraysEqual(t.shape, shape)) {
    throw new Error(`${kernel}: input ${input} must have shape [${shape.join(',')}], got [${t.shape.join(',')}]`);
  }
}

/** The inputs by name, checked as float32 and of the shapes the run's x (n×w) and attrs imply. */
function narrowInputs(kernel: string, inputs: object, a: NarrowAttrs, forward: boolean): Map<string, TensorInfo> {
  const perLayer = (i: number): string[] =>
    forward
      ? [`weight${i}`, `bias${i}`, ...(a.batchNorm ? [`gamma${i}`, `beta${i}`] : [])]
      : [`weight${i}`, ...(a.batchNorm ? [`gamma${i}`] : [])];
  const saved = forward ? [] : ['dy', 'acts', ...(a.batchNorm ? ['xHat', 'std'] : [])];
  const names = ['x', ...saved, ...range(a.layers).flatMap(perLayer)];
  const ins = new Map(float32Inputs(kernel, names, inputs).map((t, i) => [names[i]!, t]));
  const [n, w] = [ins.get('x')!.shape[0]!, ins.get('x')!.shape[1]!];
  const shapes: Record<string, number[]> = { x: [n, w], dy: [n, w], acts: [a.layers, n, w], xHat: [a.layers, n, w], std: [a.layers, w] };
  for (const [name, t] of ins) expectShape(kernel, name, t, shapes[name] ?? (name.startsWith('weight') ? [w, w] : [w]));
  return ins;
}

/** Runs one pass in the addon: outputs of `shapes`, offsets in the order narrowstack's `at` lists them. */
function runNative(
  kernel: string,
  backend: unknown,
  shapes: number[][],
  offsetsOf: (input: (name: string) => number, output: (i: number) => number) => number[],
  ins: Map<string, TensorInfo>,
  call: (addon: NativeAddon, heap: ArrayBuffer, at: Uint32Array) => void,
): TensorInfo[] {
  const addon = accelState.native;
  if (addon == null) throw new Error(`${kernel}: runs on wasm only with gradproof's native addon active`);
  const wasm = backend as BackendWasm;
  const outs = shapes.map((s) => wasm.makeOutput(s, 'float32'));
  const at = Uint32Array.from(
    offsetsOf(
      (name) => (ins.has(name) ? heapOffset(wasm, ins.get(name)!) : 0),
      (i) => heapOffset(wasm, outs[i]!),
    ),
  );
  // Fetched after the outputs are made: making them may grow the heap and detach the old buffer.
  call(addon, wasmHeap(wasm), at);
  return outs;
}

const forwardKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const a = attrs as unknown as NarrowAttrs;
  const ins = narrowInputs(NARROW_STACK_KERNEL, inputs, a, true);
  const [n, w] = ins.get('x')!.shape as [number, number];
  const L = a.layers;
  const normShapes = a.batchNorm ? [[L, n, w], [L, w], ...range(L).flatMap(() => [[w], [w]])] : [];
  const offsets = (input: (name: string) => number, output: (i: number) => number): number[] => [
    input('x'),
    output(0),
    output(1),
    ...(a.batchNorm ? [output(2), output(3)] : [0, 0]),
    ...range(L).flatMap((i) => [
      input(`weight${i}`),
      input(`bias${i}`),
      input(`gamma${i}`),
      input(`beta${i}`),
      ...(a.batchNorm ? [output(4 + 2 * i), output(5 + 2 * i)] : [0, 0]),
    ]),
  ];
  return runNative(NARROW_STACK_KERNEL, backend, [[n, w], [L, n, w], ...normShapes], offsets, ins, (addon, heap, at) =>
    addon.narrowForward(heap, at, n, w, L, ACTIVATION_CODE[a.activation], a.batchNorm, a.eps),
  );
};

const backwardKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const a = attrs as unknown as NarrowAttrs;
  const ins = narrowInputs(NARROW_STACK_GRAD_KERNEL, inputs, a, false);
  const [n, w] = ins.get('x')!.shape as [number, number];
  const L = a.layers;
  const perLayer = a.batchNorm ? 4 : 2;
  const layerShapes = range(L).flatMap(() => (a.batchNorm ? [[w, w], [w], [w], [w]] : [[w, w], [w]]));
  const offsets = (input: (name: string) => number, output: (i: number) => number): number[] => [
    ...['dy', 'x', 'acts', 'xHat', 'std'].map(input),
    output(0),
    ...range(L).flatMap((i) => {
      const o = 1 + perLayer * i;
      return [
        input(`weight${i}`),
        input(`gamma${i}`),
        output(o),
        output(o + 1),
        ...(a.batchNorm ? [output(o + 2), output(o + 3)] : [0, 0]),
      ];
    }),
  ];
  return runNative(NARROW_STACK_GRAD_KERNEL, backend, [[n, w], ...layerShapes], offsets, ins, (addon, heap, at) =>
    addon.narrowBackward(heap, at, n, w, L, ACTIVATION_CODE[a.activation], a.batchNorm),
  );
};

/**
 * Registers the narrow-stack kernels (NARROW_STACK_KERNEL, NARROW_STACK_GRAD_KERNEL, see
 * ops/narrowStack) on wasm, in the native addon, while it is active (`on`), and removes them
 * when it is not: pure wasm and the other backends keep the per-layer reference.
 */
export function registerNativeNarrowStackKernels(on: boolean): void {
  for (const [kernelName, kernelFunc] of [
    [NARROW_STACK_KERNEL, forwardKernel],
    [NARROW_STACK_GRAD_KERNEL, backwardKernel],
  ] as const) {
    const registered = tf.getKernel(kernelName, 'wasm') != null;
    if (on && !registered) tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
    if (!on && registered) tf.unregisterKernel(kernelName, 'wasm');
  }
}
