import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { patchWasmKernels } from './patchWasmKernels';

const require = createRequire(import.meta.url);

/** What the wasm backend reported once active. */
export interface WasmBackendDetails {
  readonly simd: boolean;
  readonly threads: number;
  readonly kernelPatches: string[];
}

/**
 * Activates `@tensorflow/tfjs-backend-wasm` with its binaries loaded from the installed
 * package, and patches its matmul kernels. Throws what tfjs throws when the backend fails.
 */
export async function loadWasmBackend(): Promise<WasmBackendDetails> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // setWasmPaths throws once the backend is initialised, so only before the first init.
  if (tf.findBackend('wasm') == null) {
    const pkg = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
    wasm.setWasmPaths(`${path.join(path.dirname(pkg), 'dist')}${path.sep}`);
  }
  const kernelPatches = patchWasmKernels();
  if (!(await tf.setBackend('wasm'))) {
    throw new Error('tf.setBackend("wasm") returned false');
  }
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  return { simd: simd === true, threads: wasm.getThreadsCount(), kernelPatches };
}
