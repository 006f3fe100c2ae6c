import type { BatchMatMulAttrs, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { accelState } from '../accelState.js';
import { nativeMatMul } from './nativeMatMul.js';
import { finishMatMul, planMatMul } from './planMatMul.js';
import { simdMatMul } from './simdMatMul.js';
import { callKernel, disposeOwned } from './wasmKernel.js';

/**
 * A wasm `BatchMatMul` that never lets the stock kernel see a transpose flag. With the native
 * addon active (accelState.native), OpenBLAS's sgemm takes every case it supports, transposes
 * included. Otherwise gradproof's SIMD GEMM takes every single float32 product (see
 * simdMatMul), with XNNPACK's bits; the rest (batched, or no wasm SIMD) go to XNNPACK with
 * flagged operands transposed explicitly, and a single product may be computed transposed when
 * that packs less (see planMatMul). `stock` is the original wasm kernelFunc.
 */
export function patchedBatchMatMul(stock: KernelFunc): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = attrs as unknown as BatchMatMulAttrs;
    const native = accelState.native && nativeMatMul(accelState.native, wasm, a, b, transposeA, transposeB);
    if (native) return native;
    const own = simdMatMul(wasm, a, b, transposeA, transposeB);
    if (own) return own;
    const owned: TensorInfo[] = [];
    try {
      const plan = planMatMul(wasm, a, b, transposeA, transposeB, owned, true);
      const untransposed = { transposeA: false, transposeB: false };
      return finishMatMul(wasm, plan, callKernel(stock, wasm, { a: plan.a, b: plan.b }, untransposed));
    } finally {
      disposeOwned(wasm, owned);
    }
  };
}
