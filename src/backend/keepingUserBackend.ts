import * as tf from '@tensorflow/tfjs';

/**
 * Runs `work` (which may switch tfjs's backend, as initBackend does) and then switches back to
 * the backend the caller had active, so a library call leaves the user's backend as it found it.
 * When no backend was active yet, none is chosen afterwards either. `tf.getBackend()` reads the
 * engine's current name without starting one, so looking costs nothing.
 */
export async function keepingUserBackend<T>(work: () => Promise<T>): Promise<T> {
  const before = tf.getBackend() as string | null;
  try {
    return await work();
  } finally {
    if (before && tf.getBackend() !== before) await tf.setBackend(before);
  }
}
