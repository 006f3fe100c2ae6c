import { availableParallelism } from 'node:os';
import { MAX_WASM_THREADS } from '../backend/BackendInfo.js';
import { intFlag } from './parseCommandArgs.js';

/**
 * `--wasm-threads N`: threads for matrix products when the run lands on pure wasm (no native addon).
 * Default for the CLI: every core (at most 8), since one command is one process.
 */
export function wasmThreadsFlag(command: string, value: string | undefined): number {
  return intFlag(command, 'wasm-threads', value, 1, MAX_WASM_THREADS) ?? Math.min(availableParallelism(), MAX_WASM_THREADS);
}
