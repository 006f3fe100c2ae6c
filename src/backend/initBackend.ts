import * as tf from '@tensorflow/tfjs';
import { UsageError } from '../errors/UsageError';
import type { BackendChoice, BackendInfo, BackendName, BackendOptions } from './BackendInfo';
import { currentBackendInfo } from './currentBackendInfo';
import { backendState } from './backendState';
import { configureNative } from './configureNative';
import { registerAdamKernel } from './kernels/adamKernel';
import { registerBatchNormKernels } from './kernels/batchNormKernels';
import { registerSumSquaresKernel } from './kernels/sumSquaresKernel';
import { loadNodeBackend } from './loadNodeBackend';
import { loadWasmBackend } from './loadWasmBackend';

const CHOICES: readonly BackendChoice[] = ['auto', 'node', 'wasm', 'cpu'];

/**
 * Selects and starts the tfjs backend, and returns what it is for the run record.
 * - `auto`: tfjs-node if it loads, else wasm (with gradproof's kernel patches, and its native
 *   OpenBLAS addon unless `options.native` is false or the addon is not built), else cpu.
 * - `node`: tfjs-node or a UsageError saying how to install it.
 * - `wasm` / `cpu`: exactly that backend.
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
  const optionsKey = JSON.stringify([options.native ?? true, threads]);
  if (backendState.requested === choice && backendState.resolved === tf.getBackend() && backendState.optionsKey === optionsKey) {
    return currentBackendInfo();
  }
  registerAdamKernel();
  registerSumSquaresKernel();
  registerBatchNormKernels();
  const resolved = await start(choice);
  backendState.requested = choice;
  backendState.resolved = resolved;
  backendState.optionsKey = optionsKey;
  backendState.nativeUnavailable = configureNative(resolved === 'wasm' && (options.native ?? true), threads);
  return currentBackendInfo();
}

async function start(choice: BackendChoice): Promise<BackendName> {
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
        await startWasm();
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
        await startWasm();
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

async function startWasm(): Promise<void> {
  const details = await loadWasmBackend();
  backendState.wasmThreads = details.threads;
}

async function startCpu(): Promise<void> {
  if (!(await tf.setBackend('cpu'))) {
    throw new UsageError('initBackend: backend "cpu" failed to start (tf.setBackend returned false)');
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
