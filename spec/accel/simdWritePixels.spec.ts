import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { initBackend } from '../../src/backend/initBackend';
import { simdWritePixels } from '../../src/accel/wasmKernels/simdWritePixels';
import type { Dataset } from '../../src/data/Dataset';
import { writePixels } from '../../src/data/writePixels';

describe('simdWritePixels on pure wasm', () => {
  it("writes writePixels's bits for picked examples of odd size, and frees its scratch", async () => {
    await initBackend('wasm', { native: false });
    const backend = tf.backend() as BackendWasm;
    // 3×5×7 = 105 bytes an example: rows straddle the 16-byte steps.
    const images = Uint8Array.from({ length: 9 * 105 }, (_, i) => (i * 151 + 7) % 256);
    const data: Dataset = { images, labels: new Uint8Array(9), count: 9, channels: 3, height: 5, width: 7, classes: ['a'], source: 'spec' };
    const examples = Uint32Array.from([8, 0, 3, 3, 5]);
    const want = new Float32Array(examples.length * 105);
    writePixels(data, examples, want);
    const buffers = backend.numDataIds();
    const out = backend.makeOutput([examples.length, 105], 'float32');
    expect(simdWritePixels(backend, data, examples, out)).toBe(true);
    const got = backend.typedArrayFromHeap(out) as Float32Array;
    expect(Buffer.from(got.buffer, got.byteOffset, got.byteLength).equals(Buffer.from(want.buffer))).toBe(true);
    backend.disposeData(out.dataId);
    expect(backend.numDataIds()).toBe(buffers);
  });
});
