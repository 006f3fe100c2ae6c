import * as tf from '@tensorflow/tfjs';
import type { KernelFunc } from '@tensorflow/tfjs';
import { patchedBatchMatMul } from './wasmKernels/patchedBatchMatMul.js';
import { patchedFusedMatMul } from './wasmKernels/patchedFusedMatMul.js';
import { patchedSum } from './wasmKernels/patchedSum.js';
import { patchedTanh } from './wasmKernels/patchedTanh.js';
import { sharedIdentity } from './wasmKernels/sharedIdentity.js';

// Marks our kernelFuncs and remembers the stock one, so patching is idempotent even if this
// module is loaded twice in one process (the kernel registry is global).
const STOCK = Symbol.for('gradproof.backend.stockKernel');
type Patched = KernelFunc & { [STOCK]?: KernelFunc };

/** The wasm kernels gradproof replaces, in the order they are patched. */
export const WASM_PATCHED_KERNELS = ['BatchMatMul', '_FusedMatMul', 'Sum', 'Identity', 'Tanh'] as const;

/** Patched kernels that only differ from stock while the native addon is active. */
export const NATIVE_ONLY_KERNELS: readonly string[] = ['Sum', 'Tanh'];

/**
 * Replaces the wasm `BatchMatMul`, `_FusedMatMul`, `Sum`, `Identity` and `Tanh` kernels with gradproof's (see
 * wasmKernels/), once per process; later calls only report. Requires
 * `@tensorflow/tfjs-backend-wasm` to be imported. Returns the patches as `wasm:KernelName`.
 */
export function patchWasmKernels(): string[] {
  const stockBatchMatMul = stockKernel('BatchMatMul');
  const stockFused = stockKernel('_FusedMatMul');
  install('BatchMatMul', () => patchedBatchMatMul(stockBatchMatMul));
  install('_FusedMatMul', () => patchedFusedMatMul(stockFused, stockBatchMatMul));
  install('Sum', () => patchedSum(stockKernel('Sum')));
  install('Identity', () => sharedIdentity(stockKernel('Identity')));
  install('Tanh', () => patchedTanh(stockKernel('Tanh')));
  return patchedWasmKernels();
}

/** The wasm kernels currently replaced by gradproof, as `wasm:KernelName`. */
export function patchedWasmKernels(): string[] {
  return WASM_PATCHED_KERNELS.filter((name) => {
    const config = tf.getKernel(name, 'wasm');
    return config != null && (config.kernelFunc as Patched)[STOCK] != null;
  }).map((name) => `wasm:${name}`);
}

function stockKernel(name: string): KernelFunc {
  const config = tf.getKernel(name, 'wasm');
  if (config == null) {
    throw new Error(`patchWasmKernels: no wasm kernel "${name}"; import @tensorflow/tfjs-backend-wasm first`);
  }
  const func = config.kernelFunc as Patched;
  return func[STOCK] ?? func;
}

function install(name: string, make: () => KernelFunc): void {
  const config = tf.getKernel(name, 'wasm');
  if (config == null || (config.kernelFunc as Patched)[STOCK] != null) return;
  const kernelFunc: Patched = make();
  kernelFunc[STOCK] = config.kernelFunc;
  tf.unregisterKernel(name, 'wasm');
  // setupFunc is kept: it binds the C++ entry point the stock kernelFunc calls, and must run
  // again if the wasm backend is ever re-initialised.
  tf.registerKernel({ ...config, kernelFunc });
}
