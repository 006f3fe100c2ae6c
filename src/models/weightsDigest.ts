import { createHash } from 'node:crypto';
import type { TrainableModel } from './TrainableModel.js';

/**
 * sha256 of every trainable parameter's float32 bytes, in trainableVariables order. State
 * (batch norm's running statistics) is left out, as it always was, so MLP digests stay comparable
 * with earlier records.
 */
export function weightsDigest(model: TrainableModel): string {
  const h = createHash('sha256');
  for (const v of model.trainableVariables()) {
    const data = v.dataSync() as Float32Array;
    h.update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  return h.digest('hex');
}
