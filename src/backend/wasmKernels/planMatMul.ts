import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { callKernel, wasmKernel } from './wasmKernel';
import { weightsView } from './weightsView';

/** Operands rewritten so the stock kernel can run them untransposed. */
export interface MatMulPlan {
  readonly a: TensorInfo;
  readonly b: TensorInfo;
  /** The product's shape for the original (possibly transposed, broadcast) operands. */
  readonly outShape: number[];
  /** True when the stock kernel will take XNNPACK's fully-connected path (a and b both batch 1). */
  readonly fast: boolean;
}

/**
 * Transposes flagged operands explicitly (the stock kernel's transposed path is a strided
 * scalar loop, ~40× slower) and, when b is shared by every batch, folds a's batch into its rows
 * so XNNPACK runs one [B·m, k]·[k, n] product. Buffers it creates are pushed onto `owned`.
 */
export function planMatMul(
  backend: BackendWasm,
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
  owned: TensorInfo[],
): MatMulPlan {
  const aT = transposeA ? own(owned, transposeLastTwo(backend, a)) : a;
  const bT = transposeB ? own(owned, transposeLastTwo(backend, b)) : b;
  const [m, k] = aT.shape.slice(-2) as [number, number];
  const [kb, n] = bT.shape.slice(-2) as [number, number];
  if (k !== kb) {
    throw new Error(
      `Error in matMul: inner shapes (${k}) and (${kb}) of Tensors with shapes ${a.shape} and ` +
        `${b.shape} and transposeA=${transposeA} and transposeB=${transposeB} must match.`,
    );
  }
  const batchDims = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const outShape = [...batchDims, m, n];
  const batchA = tf.util.sizeFromShape(aT.shape.slice(0, -2));
  const batchB = tf.util.sizeFromShape(bT.shape.slice(0, -2));
  if (batchB !== 1) return { a: aT, b: bT, outShape, fast: false };
  const aFolded = { dataId: aT.dataId, dtype: aT.dtype, shape: [1, batchA * m, k] };
  const bView = weightsView(backend, { dataId: bT.dataId, dtype: bT.dtype, shape: [1, k, n] }, owned);
  return { a: aFolded, b: bView, outShape, fast: true };
}

function transposeLastTwo(backend: BackendWasm, x: TensorInfo): TensorInfo {
  const perm = x.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [r - 1, r - 2];
  return callKernel(wasmKernel('Transpose'), backend, { x }, { perm });
}

function own(owned: TensorInfo[], info: TensorInfo): TensorInfo {
  owned.push(info);
  return info;
}
