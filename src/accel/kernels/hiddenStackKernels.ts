import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { Activation } from '../../models/MlpConfig.js';
import { HIDDEN_STACK_GRAD_KERNEL, HIDDEN_STACK_KERNEL } from '../../ops/hiddenStack.js';
import { accelState } from '../accelState.js';
import type { NativeAddon } from '../native/NativeAddon.js';
import { heapOffset, wasmHeap } from '../wasmKernels/wasmHeap.js';
import { float32Inputs } from './cpuArrayKernel.js';

/** The kernels' attrs (see HIDDEN_STACK_KERNEL). */
interface StackAttrs {
  readonly widths: readonly number[];
  readonly activation: Activation;
  readonly batchNorm: boolean;
  readonly eps: number;
}

/** The addon's activation codes (hiddenstack.h). */
const ACTIVATION_CODE: Record<Activation, number> = { sigmoid: 0, tanh: 1, relu: 2 };

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Throws, naming the kernel and input, unless `t` has `shape`: the addon reads sizes from the attrs alone. */
function expectShape(kernel: string, input: string, t: TensorInfo, shape: number[]): void {
  if (!tf.util.arraysEqual(t.shape, shape)) {
    throw new Error(`${kernel}: input ${input} must have shape [${shape.join(',')}], got [${t.shape.join(',')}]`);
  }
}

/** The inputs by name, checked as float32 and of the shapes the run's rows n and attrs imply; n; Σ widths. */
function stackInputs(
  kernel: string,
  inputs: object,
  a: StackAttrs,
  forward: boolean,
): { ins: Map<string, TensorInfo>; n: number; total: number } {
  const L = a.widths.length;
  const perLayer = (i: number): string[] =>
    forward
      ? [...(i > 0 ? [`weight${i}`] : []), `bias${i}`, ...(a.batchNorm ? [`gamma${i}`, `beta${i}`] : [])]
      : [...(i > 0 ? [`weight${i}`] : []), ...(a.batchNorm ? [`gamma${i}`] : [])];
  const first = forward ? ['z'] : ['dy', 'acts', ...(a.batchNorm ? ['xHat', 'std'] : [])];
  const names = [...first, ...range(L).flatMap(perLayer)];
  const ins = new Map(float32Inputs(kernel, names, inputs).map((t, i) => [names[i]!, t]));
  const lead = ins.get(first[0]!)!;
  const n = lead.shape[0]!;
  const total = a.widths.reduce((s, w) => s + w, 0);
  const shapes: Record<string, number[]> = {
    z: [n, a.widths[0]!],
    dy: [n, a.widths[L - 1]!],
    acts: [n * total],
    xHat: [n * total],
    std: [total],
  };
  for (const [name, t] of ins) {
    const i = Number(/\d+$/.exec(name)?.[0] ?? -1);
    const shape = shapes[name] ?? (name.startsWith('weight') ? [a.widths[i - 1]!, a.widths[i]!] : [a.widths[i]!]);
    expectShape(kernel, name, t, shape);
  }
  return { ins, n, total };
}

/** Runs one pass in the addon: outputs of `shapes`, offsets in the order hiddenstack's `at` lists them. */
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
  const a = attrs as unknown as StackAttrs;
  const { ins, n, total } = stackInputs(HIDDEN_STACK_KERNEL, inputs, a, true);
  const L = a.widths.length;
  const normShapes = a.batchNorm ? [[n * total], [total], ...a.widths.flatMap((w) => [[w], [w]])] : [];
  const offsets = (input: (name: string) => number, output: (i: number) => number): number[] => [
    input('z'),
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
  const widths = Uint32Array.from(a.widths);
  return runNative(HIDDEN_STACK_KERNEL, backend, [[n, a.widths[L - 1]!], [n * total], ...normShapes], offsets, ins, (addon, heap, at) =>
    addon.stackForward(heap, at, n, widths, ACTIVATION_CODE[a.activation], a.batchNorm, a.eps),
  );
};

const backwardKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const a = attrs as unknown as StackAttrs;
  const { ins, n } = stackInputs(HIDDEN_STACK_GRAD_KERNEL, inputs, a, false);
  const L = a.widths.length;
  // Outputs in the forward inputs' order: dz, then per layer [dWeight (not layer 0)], dBias, [dGamma, dBeta].
  const layerShapes = range(L).map((i) => {
    const w = a.widths[i]!;
    return [...(i > 0 ? [[a.widths[i - 1]!, w]] : []), [w], ...(a.batchNorm ? [[w], [w]] : [])];
  });
  const firstOut = range(L).map((i) => 1 + layerShapes.slice(0, i).reduce((s, l) => s + l.length, 0));
  const offsets = (input: (name: string) => number, output: (i: number) => number): number[] => [
    ...['dy', 'acts', 'xHat', 'std'].map(input),
    output(0),
    ...range(L).flatMap((i) => {
      const o = firstOut[i]!;
      const weightOut = i > 0 ? [output(o)] : [0];
      const rest = i > 0 ? o + 1 : o;
      return [
        input(`weight${i}`),
        input(`gamma${i}`),
        ...weightOut,
        output(rest),
        ...(a.batchNorm ? [output(rest + 1), output(rest + 2)] : [0, 0]),
      ];
    }),
  ];
  const widths = Uint32Array.from(a.widths);
  return runNative(HIDDEN_STACK_GRAD_KERNEL, backend, [[n, a.widths[0]!], ...layerShapes.flat()], offsets, ins, (addon, heap, at) =>
    addon.stackBackward(heap, at, n, widths, ACTIVATION_CODE[a.activation], a.batchNorm),
  );
};

/**
 * Registers the hidden-stack kernels (HIDDEN_STACK_KERNEL, HIDDEN_STACK_GRAD_KERNEL, see
 * ops/hiddenStack) on wasm, in the native addon, while it is active (`on`), and removes them
 * when it is not: pure wasm and the other backends keep the per-layer reference.
 */
export function registerNativeHiddenStackKernels(on: boolean): void {
  for (const [kernelName, kernelFunc] of [
    [HIDDEN_STACK_KERNEL, forwardKernel],
    [HIDDEN_STACK_GRAD_KERNEL, backwardKernel],
  ] as const) {
    const registered = tf.getKernel(kernelName, 'wasm') != null;
    if (on && !registered) tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
    if (!on && registered) tf.unregisterKernel(kernelName, 'wasm');
  }
}
