/**
 * Sets TensorFlow.js's `PROD` flag, which silences its console notes: above all the "Hi, looks
 * like you are running TensorFlow.js in Node.js" banner its cpu backend prints once per process
 * (once per `reproduce` child, fifty times in a CI log). The flag changes nothing else in tfjs.
 * Called at the start of gradproof's own CLI processes only: the library never changes a
 * user's tfjs flags.
 */
export async function quietTfjs(): Promise<void> {
  const tf = await import('@tensorflow/tfjs');
  tf.env().set('PROD', true);
}
