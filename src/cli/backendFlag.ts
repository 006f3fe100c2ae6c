import type { BackendChoice } from '../backend/BackendInfo.js';
import { UsageError } from '../errors/UsageError.js';

const CHOICES: readonly BackendChoice[] = ['auto', 'node', 'wasm', 'cpu'];

/** Validates `--backend`; undefined means auto. */
export function backendFlag(command: string, value: string | undefined): BackendChoice {
  if (value === undefined) return 'auto';
  if (!(CHOICES as readonly string[]).includes(value)) {
    throw new UsageError(`gradproof ${command}: --backend must be one of ${CHOICES.join('|')}, got ${JSON.stringify(value)}`);
  }
  return value as BackendChoice;
}
