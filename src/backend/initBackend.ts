import * as tf from '@tensorflow/tfjs';
import { UsageError } from '../errors/UsageError';
import type { BackendChoice, BackendInfo, BackendName } from './BackendInfo';
import { currentBackendInfo } from './currentBackendInfo';
import { backendState } from './backendState';
import { loadNodeBackend } from './loadNodeBackend';
import { loadWasmBackend } from './loadWasmBackend';

const CHOICES: readonly BackendChoice[] = ['auto', 'node', 'wasm', 'cpu'];

/**
 * Selects and starts the tfjs backend, and returns what it is for the run record.
 * - `auto`: tfjs-node if it loads, else wasm (with gradproof's matmul kernel patches), else cpu.
 * - `node`: tfjs-node or a UsageError saying how to install it.
 * - `wasm` / `cpu`: exactly that backend.
 * Calling again with the same choice while its backend is still active is cheap; a different
 * choice switches backend. Results are comparable byte for byte only on the same backend.
 */
export async function initBackend(choice: BackendChoice): Promise<BackendInfo> {
  if (!CHOICES.includes(choice)) {
    throw new UsageError(`initBackend: unknown backend ${JSON.stringify(choice)} (expected ${CHOICES.join(', ')})`);
  }
  if (backendState.requested === choice && backendState.resolved === tf.getBackend()) {
    return currentBackendInfo();
  }
  const resolved = await start(choice);
  backendState.requested = choice;
  backendState.resolved = resolved;
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
