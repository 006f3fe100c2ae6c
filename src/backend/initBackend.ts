import * as tf from '@tensorflow/tfjs';
import { UsageError } from '../errors/UsageError.js';
import { MAX_WASM_THREADS, type BackendChoice, type BackendInfo, type BackendName, type BackendOptions } from './BackendInfo.js';
import { currentBackendInfo } from './currentBackendInfo.js';
import { backendState } from './backendState.js';
import { configureNative, loadNativeAddon, loadWasmBackend, registerAccelerator, wasmProductThreads } from '../accel/index.js';
import { loadNodeBackend } from './loadNodeBackend.js';

const CHOICES: readonly BackendChoice[] = ['auto', 'node', 'wasm', 'cpu'];

/**
 * Selects and starts the tfjs backend, and returns what it is for the run record.
 * - `auto`: tfjs-node if it loads, else wasm (with gradproof's kernel patches, and its native
 *   OpenBLAS addon unless `options.native` is false or the addon is not built), else cpu.
 * - `node`: tfjs-node or a UsageError saying how to install it.
 * - `wasm` / `cpu`: exactly that backend.
 * On pure wasm, `options.wasmThreads` > 1 runs gradproof's products and Adam steps on that many
 * threads (fixed per process).
 * Calling again with the same choice and options while its backend is still active is cheap; a
 * different choice switches backend. Results are comparable byte for byte only between runs
 * with equal BackendInfo (name, versions and kernelPatches).
 */
export async function initBackend(choice: BackendChoice, options: BackendOptions = {}): Promise<BackendInfo> {
  if (!CHOICES.includes(choice)) {
    throw new UsageError(`initBackend: unknown backend ${JSON.stringify(choice)} (expected ${CHOICES.join(', ')})`);
  }
  const threads = options.blasThreads ?? 1;
  if (!Number.isSafeInteger(threads) || threads < 1) {
    throw new UsageError(`initBackend: blasThreads must be a positive integer, got ${String(options.blasThreads)}`);
  }
  const wasmThreads = options.wasmThreads;
  if (wasmThreads !== undefined && (!Number.isSafeInteger(wasmThreads) || wasmThreads < 1 || wasmThreads > MAX_WASM_THREADS)) {
    throw new UsageError(`initBackend: wasmThreads must be an integer in 1..${MAX_WASM_THREADS}, got ${String(wasmThreads)}`);
  }
  const optionsKey = JSON.stringify([options.native ?? true, threads, wasmThreads]);
  if (backendState.requested === choice && backendState.resolved === tf.getBackend() && backendState.optionsKey === optionsKey) {
    return currentBackendInfo();
  }
  // The one place the accelerator is installed: its kernels and hooks for the core's operations.
  registerAccelerator();
  const nativeWanted = options.native ?? true;
  // The wasm binary is chosen at the first start: threaded only for pure wasm. (Whether tfjs's
  // internals suit the addon can only be checked once wasm runs; if not, it runs one thread.)
  const nativeWillRun = nativeWanted && loadNativeAddon().ok;
  const wasmBefore = wasmProductThreads();
  const resolved = await start(choice, nativeWillRun ? 1 : (wasmThreads ?? 1));
  // A threaded start that fell back to one thread carries on (wasmThreadsUnavailableReason says
  // why); asking a running backend for another count is the caller's mistake.
  if (resolved === 'wasm' && wasmThreads !== undefined && !nativeWillRun && wasmBefore !== undefined && wasmBefore !== wasmThreads) {
    throw new UsageError(
      `initBackend: wasmThreads ${wasmThreads} asked for, but this process's wasm backend already runs ${wasmBefore} ` +
        'product thread(s); the binary is fixed at the first wasm start, so start a new process',
    );
  }
  backendState.requested = choice;
  backendState.resolved = resolved;
  backendState.optionsKey = optionsKey;
  backendState.nativeUnavailable = configureNative(resolved === 'wasm' && nativeWanted, threads, wasmProductThreads() ?? 1);
  return currentBackendInfo();
}

async function start(choice: BackendChoice, wasmThreads: number): Promise<BackendName> {
  switch (choice) {
    case 'node': {
      const node = await loadNodeBackend();
      if (node.ok) return 'tensorflow';
      throw new UsageError(
        `initBackend: backend "node" needs @tensorflow/tfjs-node, which could not be loaded (${node.reason}); ` +
          'install it with `npm i @tensorflow/tfjs-node`, or choose "auto", "wasm" or "cpu"',
      );
    }
    case 'wasm':
      try {
        await loadWasmBackend(wasmThreads);
        return 'wasm';
      } catch (error) {
        throw new UsageError(`initBackend: backend "wasm" failed to start (${message(error)}); choose "cpu"`, {
          cause: error,
        });
      }
    case 'cpu':
      await startCpu();
      return 'cpu';
    case 'auto':
      if ((await loadNodeBackend()).ok) return 'tensorflow';
      try {
        await loadWasmBackend(wasmThreads);
        return 'wasm';
      } catch {
        await startCpu();
        return 'cpu';
      }
    default: {
      const never: never = choice;
      throw new UsageError(`initBackend: unknown backend ${String(never)}`);
    }
  }
}

async function startCpu(): Promise<void> {
  if (!(await tf.setBackend('cpu'))) {
    throw new UsageError('initBackend: backend "cpu" failed to start (tf.setBackend returned false)');
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
