import type { TensorInfo } from '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { simdFunctionFor } from '../simd/simdFunctionFor.js';
import { transposeSimdModuleBytes } from '../simd/transposeSimdModule.js';
import { callKernel, wasmKernel } from './wasmKernel.js';
import { heapOffset, wasmMemory } from './wasmHeap.js';

type TransposeSimd = (src: number, dst: number, rows: number, cols: number) => void;
const transposeSimdFor = simdFunctionFor<TransposeSimd>(transposeSimdModuleBytes, 'transpose');

/** Whether transposeLastTwo takes gradproof's SIMD path for a tensor of this shape and dtype on this backend. */
export function simdTransposeApplies(backend: BackendWasm, shape: readonly number[], dtype: string): boolean {
  const [rows, cols] = shape.slice(-2) as [number, number];
  const memory = wasmMemory(backend);
  return (
    dtype === 'float32' &&
    shape.length >= 2 &&
    tf.util.sizeFromShape(shape.slice(0, -2)) === 1 &&
    rows % 4 === 0 &&
    cols % 4 === 0 &&
    memory !== undefined &&
    transposeSimdFor(memory) !== undefined
  );
}

/**
 * x with its last two axes swapped, in a new buffer: gradproof's SIMD transpose (see
 * transposeSimdModule) for a single float32 matrix whose sides are multiples of 4, else the
 * stock wasm Transpose kernel.
 */
export function transposeLastTwo(backend: BackendWasm, x: TensorInfo): TensorInfo {
  const r = x.shape.length;
  if (simdTransposeApplies(backend, x.shape, x.dtype)) {
    const [rows, cols] = x.shape.slice(-2) as [number, number];
    const out = backend.makeOutput([...x.shape.slice(0, -2), cols, rows], 'float32');
    transposeSimdFor(wasmMemory(backend)!)!(heapOffset(backend, x), heapOffset(backend, out), rows, cols);
    return out;
  }
  const perm = x.shape.map((_, i) => i);
  [perm[r - 2], perm[r - 1]] = [r - 1, r - 2];
  return callKernel(wasmKernel('Transpose'), backend, { x }, { perm });
}
