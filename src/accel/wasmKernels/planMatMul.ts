import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { simdTransposeApplies, transposeLastTwo } from './transposeLastTwo.js';
import { weightsView } from './weightsView.js';
import { matMulDims } from './matMulDims.js';
import { own } from './wasmKernel.js';

/** Operands rewritten so the stock kernel can run them untransposed. */
export interface MatMulPlan {
  readonly a: TensorInfo;
  readonly b: TensorInfo;
  /** The product's shape for the original (possibly transposed, broadcast) operands. */
  readonly outShape: number[];
  /** True when the stock kernel will take XNNPACK's fully-connected path (a and b both batch 1). */
  readonly fast: boolean;
  /** True when a·b is the transpose of the product wanted (see planMatMul); finishMatMul undoes it. */
  readonly swapped: boolean;
}

// Per element, as measured on the 2-core AMD EPYC this was written on: XNNPACK packing a fresh
// [k, n] weight matrix (it caches the packing per weight buffer), the stock wasm Transpose, and
// gradproof's SIMD transpose. Only their ratios matter.
const PACK_NS = 6.5;
const STOCK_TRANSPOSE_NS = 10;
const SIMD_TRANSPOSE_NS = 1;

// Buffers that have been the weight side (b) of a product: a buffer multiplied again is likely
// to be multiplied many times (evaluation), so XNNPACK's cached packing will pay for itself.
const multipliedBefore = new WeakSet<object>();

/**
 * Transposes flagged operands explicitly (the stock kernel's transposed path is a strided
 * scalar loop, far slower) and, when b is shared by every batch, folds a's batch into its rows
 * so XNNPACK runs one [B·m, k]·[k, n] product. For a single product whose weight side would be
 * packed afresh, it may instead plan Cᵀ = Bᵀ·Aᵀ, so that the smaller side is packed and operands
 * already transposed are used as they are (training's x·W with a wide batch-128 W, and dy·Wᵀ),
 * when the model below says that is cheaper; XNNPACK sums each output over k in the same order
 * either way. Only with `allowSwap`. Buffers it creates are pushed onto `owned`.
 */
export function planMatMul(
  backend: BackendWasm,
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
  owned: TensorInfo[],
  allowSwap = false,
): MatMulPlan {
  const [m, k, n] = matMulDims(a, b, transposeA, transposeB);
  const batchDims = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const outShape = [...batchDims, m, n];
  const batchA = tf.util.sizeFromShape(a.shape.slice(0, -2));
  const batchB = tf.util.sizeFromShape(b.shape.slice(0, -2));
  const single = batchA === 1 && batchB === 1;
  if (allowSwap && single && swapIsCheaper(backend, a, b, transposeA, transposeB, m, k, n)) {
    if (!transposeB) multipliedBefore.add(b.dataId);
    const bT = transposeB ? b : own(owned, transposeLastTwo(backend, b));
    const aT = transposeA ? a : own(owned, transposeLastTwo(backend, a));
    const left = { dataId: bT.dataId, dtype: bT.dtype, shape: [1, n, k] };
    const right = weightsView(backend, { dataId: aT.dataId, dtype: aT.dtype, shape: [1, k, m] }, owned);
    return { a: left, b: right, outShape, fast: true, swapped: true };
  }
  if (!transposeB) multipliedBefore.add(b.dataId);
  const aT = transposeA ? own(owned, transposeLastTwo(backend, a)) : a;
  const bT = transposeB ? own(owned, transposeLastTwo(backend, b)) : b;
  if (batchB !== 1) return { a: aT, b: bT, outShape, fast: false, swapped: false };
  const aFolded = { dataId: aT.dataId, dtype: aT.dtype, shape: [1, batchA * m, k] };
  const bView = weightsView(backend, { dataId: bT.dataId, dtype: bT.dtype, shape: [1, k, n] }, owned);
  return { a: aFolded, b: bView, outShape, fast: true, swapped: false };
}

/**
 * The stock kernel's output for `plan` as the product asked for: transposed back when the plan
 * was swapped (`out` is then disposed), with the plan's shape.
 */
export function finishMatMul(backend: BackendWasm, plan: MatMulPlan, out: TensorInfo): TensorInfo {
  if (!plan.swapped) {
    out.shape = plan.outShape;
    return out;
  }
  const back = transposeLastTwo(backend, out);
  backend.disposeData(out.dataId);
  back.shape = plan.outShape;
  return back;
}

function swapIsCheaper(
  backend: BackendWasm,
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
  m: number,
  k: number,
  n: number,
): boolean {
  const t = (shape: readonly number[], dtype: string) =>
    simdTransposeApplies(backend, shape, dtype) ? SIMD_TRANSPOSE_NS : STOCK_TRANSPOSE_NS;
  const packB = !transposeB && multipliedBefore.has(b.dataId) ? 0 : PACK_NS * k * n;
  const [tA, tB] = [t(a.shape, a.dtype), t(b.shape, b.dtype)];
  const normal = (transposeA ? tA * m * k : 0) + (transposeB ? tB * k * n : 0) + packB;
  // The swapped product comes out [n, m] and is transposed back.
  const swap = (transposeB ? 0 : tB * k * n) + (transposeA ? 0 : tA * m * k) + t([n, m], a.dtype) * m * n + PACK_NS * k * m;
  return swap < normal;
}
