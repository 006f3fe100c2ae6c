import * as tf from '@tensorflow/tfjs';

/** The optional native backend; a variable so bundlers and tsc do not try to resolve it. */
const NODE_PACKAGE: string = '@tensorflow/tfjs-node';

/** Outcome of trying the native backend: on failure, why (for the caller's message). */
export type NodeBackendResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Imports `@tensorflow/tfjs-node` (which registers the `tensorflow` backend on the shared
 * tfjs-core instance) and activates it. Never throws: a missing package, a native binding
 * that fails to load, or a tfjs-core version mismatch all come back as `{ ok: false }`.
 */
export async function loadNodeBackend(): Promise<NodeBackendResult> {
  try {
    await import(NODE_PACKAGE);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error) };
  }
  if (tf.findBackendFactory('tensorflow') == null) {
    return {
      ok: false,
      reason: `${NODE_PACKAGE} loaded but registered no "tensorflow" backend with this @tensorflow/tfjs (version mismatch?)`,
    };
  }
  try {
    if (await tf.setBackend('tensorflow')) return { ok: true };
    return { ok: false, reason: 'tf.setBackend("tensorflow") returned false' };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
