import * as tf from '@tensorflow/tfjs';
import { packageVersion } from '../backend/packageVersion.js';

/**
 * The tfjs release whose internals gradproof's native kernels were written and checked against:
 * BackendWasm's `getMemoryOffset`, `makeOutput`, `typedArrayFromHeap`, `refCount`, `wasm.HEAPU8`
 * and `wasm.asm.memory` (the SIMD Adam imports it), the cpu backend's `data`/`makeTensorInfo`,
 * and the stock wasm matmul caching packed weights per data id. package.json pins tfjs exactly; a
 * spec (spec/accel/tfjsInternals.spec.ts) fails when the installed version moves.
 */
export const TFJS_TESTED_VERSION = '4.22.0';

const PACKAGES = ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm'] as const;
const METHODS = ['getMemoryOffset', 'makeOutput', 'typedArrayFromHeap'] as const;

/**
 * Why the native kernels must not run on the installed tfjs, or undefined when they may: a
 * version other than TFJS_TESTED_VERSION, or a wasm backend lacking what they use.
 */
export function tfjsInternalsProblem(): string | undefined {
  for (const pkg of PACKAGES) {
    const version = packageVersion(pkg);
    if (version !== TFJS_TESTED_VERSION) {
      return `${pkg} is ${version ?? 'not installed'}, but the native kernels were checked against ${TFJS_TESTED_VERSION}`;
    }
  }
  const backend = tf.findBackend('wasm') as unknown as Record<string, unknown> | null;
  if (backend == null) return 'the wasm backend is not initialised';
  const missing = METHODS.filter((m) => typeof backend[m] !== 'function');
  const heap = (backend.wasm as { HEAPU8?: unknown } | undefined)?.HEAPU8;
  if (!(heap instanceof Uint8Array)) missing.push('wasm.HEAPU8' as never);
  return missing.length === 0 ? undefined : `the wasm backend lacks ${missing.join(', ')}`;
}
