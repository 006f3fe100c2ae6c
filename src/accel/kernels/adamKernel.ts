import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { accelState } from '../accelState.js';
import { heapOffset, wasmHeap, wasmMemory } from '../wasmKernels/wasmHeap.js';
import { adamSimdFor, runAdamSimd } from './adamSimd.js';
import { simdPool } from '../simd/simdThreads.js';
import { simdGemmDisabled } from '../wasmKernels/simdMatMul.js';
import { adamUpdate } from './adamUpdate.js';
import { ADAM_KERNEL } from '../../ops/adamStep.js';
import type { AdamStepScalars } from '../../ops/AdamStepScalars.js';

/** The backends the kernel is registered for (tfjs-node keeps the op-by-op update). */
export const ADAM_KERNEL_BACKENDS = ['wasm', 'cpu'] as const;

interface AdamInputs {
  p: TensorInfo;
  g: TensorInfo;
  m: TensorInfo;
  v: TensorInfo;
}

/**
 * Registers the fused Adam kernel (ADAM_KERNEL, see ops/adamStep) for wasm and cpu (idempotent). On wasm it runs in the
 * native addon when one is active, else in gradproof's WebAssembly SIMD module on the backend's
 * own memory (JavaScript for the last < 4 elements); on cpu in JavaScript over its arrays. Outputs are new buffers, never the inputs: the stock wasm matmul caches
 * packed weights per buffer, so updating weights in place would leave it multiplying stale ones.
 */
export function registerAdamKernel(): void {
  for (const backendName of ADAM_KERNEL_BACKENDS) {
    if (tf.getKernel(ADAM_KERNEL, backendName) != null) continue;
    tf.registerKernel({ kernelName: ADAM_KERNEL, backendName, kernelFunc: backendName === 'wasm' ? wasmAdam : cpuAdam });
  }
}

function checked(inputs: AdamInputs): number {
  const { p, g, m, v } = inputs;
  const n = tf.util.sizeFromShape(p.shape);
  for (const x of [g, m, v]) {
    if (x.dtype !== 'float32' || p.dtype !== 'float32' || tf.util.sizeFromShape(x.shape) !== n) {
      throw new Error(`${ADAM_KERNEL}: p, g, m, v must be float32 of one size, got ${p.shape} / ${x.shape} (${x.dtype})`);
    }
  }
  return n;
}

const wasmAdam: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const ins = inputs as unknown as AdamInputs;
  const s = attrs as unknown as AdamStepScalars;
  const n = checked(ins);
  const outs = [0, 1, 2].map(() => wasm.makeOutput(ins.p.shape.slice(), 'float32'));
  const [pOut, mOut, vOut] = outs as [TensorInfo, TensorInfo, TensorInfo];
  const addon = accelState.native;
  if (addon) {
    const o = (x: TensorInfo) => heapOffset(wasm, x);
    addon.adam(
      wasmHeap(wasm),
      o(ins.p),
      o(ins.g),
      o(ins.m),
      o(ins.v),
      o(pOut),
      o(mOut),
      o(vOut),
      n,
      s.beta1,
      1 - s.beta1,
      s.beta2,
      1 - s.beta2,
      s.bc2Sqrt,
      s.eps,
      s.stepSize,
    );
    return outs;
  }
  const all = [ins.p, ins.g, ins.m, ins.v, pOut, mOut, vOut];
  const memory = wasmMemory(wasm);
  const simd = memory ? adamSimdFor(memory) : undefined;
  const done = simd
    ? runAdamSimd(
        simd,
        all.map((x) => heapOffset(wasm, x)),
        n,
        s,
        // GRADPROOF_SIMD_GEMM=0 gives the threads back to XNNPACK: no gradproof workers then.
        simdGemmDisabled() ? undefined : simdPool(memory!, accelState.wasmThreads ?? 1),
      )
    : 0;
  if (done < n) {
    // Views are taken only after all three outputs exist: an allocation may grow (and detach) the heap.
    const [p, g, m, v, po, mo, vo] = all.map((x) => (wasm.typedArrayFromHeap(x) as Float32Array).subarray(done));
    adamUpdate(p!, g!, m!, v!, po!, mo!, vo!, s);
  }
  return outs;
};

const cpuAdam: KernelFunc = ({ inputs, backend, attrs }) => {
  const cpu = backend as unknown as {
    data: { get(id: object): { values: unknown } };
    makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
  };
  const ins = inputs as unknown as AdamInputs;
  const n = checked(ins);
  const read = (x: TensorInfo) => cpu.data.get(x.dataId).values as Float32Array;
  const [pOut, mOut, vOut] = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  adamUpdate(read(ins.p), read(ins.g), read(ins.m), read(ins.v), pOut, mOut, vOut, attrs as unknown as AdamStepScalars);
  return [pOut, mOut, vOut].map((values) => cpu.makeTensorInfo(ins.p.shape.slice(), 'float32', values));
};
