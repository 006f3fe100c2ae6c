import * as tf from '@tensorflow/tfjs';

/** Unit specs run on the cpu backend: exact reference kernels, no wasm start-up. */
export async function useCpuBackend(): Promise<void> {
  if (tf.getBackend() !== 'cpu') {
    await tf.setBackend('cpu');
    await tf.ready();
  }
}
