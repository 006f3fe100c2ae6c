import { accelState } from './accelState.js';

/** Threads for pure wasm's matrix products since wasm last started (see loadWasmBackend); undefined before. */
export function wasmProductThreads(): number | undefined {
  return accelState.wasmThreads;
}

/** Why the threaded wasm binary or the GEMM's worker threads were asked for and are not running, else undefined. */
export function wasmThreadsUnavailable(): string | undefined {
  return accelState.wasmThreadsUnavailable;
}
