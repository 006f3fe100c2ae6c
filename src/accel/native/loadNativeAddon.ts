import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NativeAddon } from './NativeAddon.js';

const require = createRequire(import.meta.url);

/** Where `npm ci` (accel/buildNative.mjs) leaves the compiled addon. */
export const NATIVE_ADDON_PATH = fileURLToPath(new URL('../../../accel/native/build/Release/gradproof_native.node', import.meta.url));

/** The addon, or why it is unavailable (for BackendInfo and the bench). */
export type NativeLoad = { readonly ok: true; readonly addon: NativeAddon } | { readonly ok: false; readonly reason: string };

const FUNCTIONS = [
  'sgemm',
  'biasRelu',
  'adam',
  'sum',
  'sumSquares',
  'gatherPixels',
  'tanh',
  'sigmoid',
  'bnForward',
  'bnBackward',
  'setThreads',
  'releaseThreads',
  'info',
  'fmaPeak',
] as const;
let loaded: NativeLoad | undefined;

/**
 * Loads the native addon once per process. Never throws: a missing build (no OpenBLAS when
 * `npm ci` ran), a library that fails to load, or `GRADPROOF_NATIVE=0` in the environment all
 * give `{ ok: false, reason }`, and gradproof then runs on its pure-wasm kernels.
 */
export function loadNativeAddon(): NativeLoad {
  loaded ??= load();
  return loaded;
}

function load(): NativeLoad {
  if (process.env.GRADPROOF_NATIVE === '0') return { ok: false, reason: 'disabled by GRADPROOF_NATIVE=0' };
  if (!existsSync(NATIVE_ADDON_PATH)) {
    return { ok: false, reason: `not built (${NATIVE_ADDON_PATH} is missing; install libopenblas-dev and run npm run build:native)` };
  }
  try {
    const addon = require(NATIVE_ADDON_PATH) as Partial<NativeAddon>;
    const missing = FUNCTIONS.filter((f) => typeof addon[f] !== 'function');
    if (missing.length > 0) return { ok: false, reason: `${NATIVE_ADDON_PATH} lacks ${missing.join(', ')} (stale build?)` };
    return { ok: true, addon: addon as NativeAddon };
  } catch (error) {
    return {
      ok: false,
      reason: `${NATIVE_ADDON_PATH} failed to load: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
}
