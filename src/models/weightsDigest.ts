import { createHash } from 'node:crypto';
import type { Mlp } from './Mlp.js';

/** sha256 of every trainable parameter's float32 bytes, in trainableVariables order. */
export function weightsDigest(model: Mlp): string {
  const h = createHash('sha256');
  for (const v of model.trainableVariables()) {
    const data = v.dataSync() as Float32Array;
    h.update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  return h.digest('hex');
}
