import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { nodeWasmThreads } from './nodeWasmThreads.js';
import { patchWasmKernels } from './patchWasmKernels.js';
import { simdGemmDisabled } from './wasmKernels/simdMatMul.js';
import { simdPool } from './simd/simdThreads.js';
import { wasmMemory } from './wasmKernels/wasmHeap.js';
import { accelState } from './accelState.js';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

const require = createRequire(import.meta.url);

// Threads for matrix products, fixed at the process's first wasm start.
let productThreads: number | undefined;

/** What the wasm backend reported once active. */
export interface WasmBackendDetails {
  readonly simd: boolean;
  /** Threads for matrix products (gradproof's SIMD GEMM; XNNPACK's with GRADPROOF_SIMD_GEMM=0). */
  readonly threads: number;
  readonly kernelPatches: string[];
  /** Why the threaded binary was asked for and not loaded (the single-threaded one runs instead). */
  readonly threadsUnavailable?: string;
}

/**
 * Activates `@tensorflow/tfjs-backend-wasm` with its binaries loaded from the installed
 * package, and patches its matmul kernels. The binary is chosen at the first activation in a
 * process and kept: with `threads` > 1 the threaded SIMD one (see nodeWasmThreads), whose shared
 * memory lets gradproof's GEMM run each product on that many threads (see simdMatMul), falling
 * back to the single-threaded one if it cannot start (see wasmProductThreads and
 * wasmThreadsUnavailable). Throws
 * what tfjs throws when the backend fails.
 */
export async function loadWasmBackend(threads = 1): Promise<WasmBackendDetails> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const kernelPatches = patchWasmKernels();
  let threadsUnavailable: string | undefined;
  // setWasmPaths and setThreadsCount only act before the first init.
  if (tf.findBackend('wasm') == null) {
    productThreads = 1;
    const pkg = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
    wasm.setWasmPaths(`${path.join(path.dirname(pkg), 'dist')}${path.sep}`);
    if (threads > 1) {
      // The products run on `threads` threads in gradproof's GEMM. XNNPACK's own pool, which
      // wakes for every op and then polls, would only compete with it for the cores (measured:
      // slower on every bench experiment), so it keeps one thread unless that GEMM is off.
      wasm.setThreadsCount(simdGemmDisabled() ? threads : 1);
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
      try {
        if (!(await nodeWasmThreads(threads, () => tf.setBackend('wasm')))) threadsUnavailable = 'tf.setBackend("wasm") returned false';
      } catch (error) {
        threadsUnavailable = error instanceof Error ? error.message : String(error);
      }
      if (threadsUnavailable !== undefined) {
        tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
        wasm.setThreadsCount(1);
      } else {
        productThreads = threads;
      }
    }
  }
  if (!(await tf.setBackend('wasm'))) {
    throw new Error('tf.setBackend("wasm") returned false');
  }
  unrefPthreadWorkers();
  // Start the SIMD workers now, so a failure shows at start and no timed step waits for them.
  const memory = wasmMemory(tf.backend() as BackendWasm);
  if (memory !== undefined && (productThreads ?? 1) > 1 && !simdGemmDisabled()) {
    if (simdPool(memory, productThreads!) === undefined) {
      threadsUnavailable ??= accelState.wasmThreadsUnavailable;
      productThreads = 1;
    }
  }
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const details = {
    simd: simd === true,
    threads: productThreads ?? wasm.getThreadsCount(),
    kernelPatches,
    ...(threadsUnavailable !== undefined ? { threadsUnavailable } : {}),
  };
  accelState.wasmThreads = details.threads;
  accelState.wasmThreadsUnavailable ??= details.threadsUnavailable;
  return details;
}

/**
 * Lets the process exit while XNNPACK's pool threads wait for work: emscripten keeps a worker
 * referenced while it runs a pthread, and the pool's threads run for the process's life.
 */
function unrefPthreadWorkers(): void {
  const module = (tf.backend() as unknown as { wasm?: { PThread?: { runningWorkers?: unknown[]; unusedWorkers?: unknown[] } } }).wasm;
  const pthread = module?.PThread;
  for (const worker of [...(pthread?.runningWorkers ?? []), ...(pthread?.unusedWorkers ?? [])]) {
    (worker as { unref?: () => void }).unref?.();
  }
}
