import type { KernelFunc, TensorInfo, _FusedMatMulAttrs } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { accelState } from '../accelState.js';
import { fusedActivation } from './fusedActivation.js';
import { nativeFusedMatMul } from './nativeFusedMatMul.js';
import { planMatMul } from './planMatMul.js';
import { callKernel, disposeOwned, wasmKernel } from './wasmKernel.js';

interface FusedInputs {
  a: TensorInfo;
  b: TensorInfo;
  bias?: TensorInfo;
  preluActivationWeights?: TensorInfo;
}

/**
 * A wasm `_FusedMatMul` that computes act(op(a)·op(b) + bias) correctly. The stock kernel's
 * scalar path (any transpose, or batch > 1) indexes the bias by flat output position instead
 * of by column, adds it once per 48-wide block of the shared dimension, and clamps relu/relu6
 * on partial sums. So: XNNPACK's path whenever the plan allows (it fuses correctly), else an
 * unfused matmul, the backend's Add, and the activation kernel. With the native addon active,
 * OpenBLAS computes the product (see nativeFusedMatMul).
 */
export function patchedFusedMatMul(stockFused: KernelFunc, stockBatchMatMul: KernelFunc): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const { a, b, bias, preluActivationWeights } = inputs as unknown as FusedInputs;
    const { transposeA, transposeB, activation, leakyreluAlpha } = attrs as unknown as _FusedMatMulAttrs;
    if (accelState.native) {
      const native = nativeFusedMatMul(
        accelState.native,
        wasm,
        inputs as unknown as FusedInputs,
        transposeA,
        transposeB,
        activation,
        leakyreluAlpha ?? 0.2,
      );
      if (native) return native;
    }
    const owned: TensorInfo[] = [];
    let result: TensorInfo | undefined;
    try {
      const plan = planMatMul(wasm, a, b, transposeA, transposeB, owned);
      const n = plan.outShape[plan.outShape.length - 1];
      const columnBias = bias == null || (bias.shape.length === 1 && bias.shape[0] === n);
      const untransposed = { transposeA: false, transposeB: false };
      if (plan.fast && columnBias && activation !== 'prelu') {
        const fusedInputs = bias == null ? { a: plan.a, b: plan.b } : { a: plan.a, b: plan.b, bias };
        const fusedAttrs = { activation, leakyreluAlpha: leakyreluAlpha ?? 0.2, ...untransposed };
        result = callKernel(stockFused, wasm, fusedInputs, fusedAttrs);
        result.shape = plan.outShape;
        return result;
      }
      let y = callKernel(stockBatchMatMul, wasm, { a: plan.a, b: plan.b }, untransposed);
      y.shape = plan.outShape;
      owned.push(y);
      if (bias != null) {
        y = callKernel(wasmKernel('Add'), wasm, { a: y, b: bias });
        owned.push(y);
      }
      result = fusedActivation(wasm, y, activation, preluActivationWeights, leakyreluAlpha ?? 0.2);
      return result;
    } finally {
      disposeOwned(wasm, owned, result);
    }
  };
}
