import type { TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { Dataset } from '../../data/Dataset.js';
import { pixelsSimdModuleBytes } from '../simd/pixelsSimdModule.js';
import { simdFunctionFor } from '../simd/simdFunctionFor.js';
import { heapOffset, wasmHeap, wasmMemory } from './wasmHeap.js';

const pixelsFor = simdFunctionFor<(src: number, dst: number, n: number) => void>(pixelsSimdModuleBytes, 'pixels');

/**
 * writePixels onto the wasm heap by the SIMD pixels module (see pixelsSimdModule): the
 * normalised input of `examples` into the float32 buffer `out` (rows × C·H·W), with
 * writePixels's bits. The examples' bytes are copied into a scratch buffer on the heap first
 * (a memcpy each). Returns false, writing nothing, where this engine has no wasm SIMD.
 */
export function simdWritePixels(backend: BackendWasm, data: Dataset, examples: Uint32Array, out: TensorInfo): boolean {
  const memory = wasmMemory(backend);
  const pixels = memory === undefined ? undefined : pixelsFor(memory);
  if (pixels === undefined) return false;
  const features = data.channels * data.height * data.width;
  const n = examples.length * features;
  const bytes = backend.makeOutput([Math.ceil(n / 4)], 'int32');
  try {
    // The heap view is taken after the allocation, which may have grown (and replaced) the heap.
    const heap = new Uint8Array(wasmHeap(backend));
    const at = heapOffset(backend, bytes);
    for (let r = 0; r < examples.length; r++) {
      const src = examples[r]! * features;
      heap.set(data.images.subarray(src, src + features), at + r * features);
    }
    pixels(at, heapOffset(backend, out), n);
  } finally {
    backend.disposeData(bytes.dataId);
  }
  return true;
}
