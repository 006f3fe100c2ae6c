import type { TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { isWasmMemory } from '../simd/simdFunctionFor.js';

/**
 * The wasm heap's current ArrayBuffer. Fetch it after every allocation: growing the heap
 * replaces the buffer, and the old one is detached.
 */
export function wasmHeap(backend: BackendWasm): ArrayBuffer {
  return (backend.wasm as unknown as { HEAPU8: Uint8Array }).HEAPU8.buffer as ArrayBuffer;
}

/** Byte offset of a tensor's data in the wasm heap. */
export function heapOffset(backend: BackendWasm, info: TensorInfo): number {
  return backend.getMemoryOffset(info.dataId);
}

/**
 * The backend's WebAssembly.Memory, for gradproof's own SIMD modules: the single-threaded binary
 * exports it, the threaded one imports a shared one.
 */
export function wasmMemory(backend: BackendWasm): object | undefined {
  const module = backend.wasm as unknown as { asm?: { memory?: unknown }; wasmMemory?: unknown };
  const memory = module.asm?.memory ?? module.wasmMemory;
  return isWasmMemory(memory) ? memory : undefined;
}
