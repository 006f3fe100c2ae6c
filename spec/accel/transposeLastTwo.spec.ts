import { beforeAll, describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { initBackend } from '../../src/backend/initBackend';
import { simdTransposeApplies, transposeLastTwo } from '../../src/accel/wasmKernels/transposeLastTwo';
import { transposeSimdModuleBytes } from '../../src/accel/simd/transposeSimdModule';

describe('transposeLastTwo on wasm', () => {
  beforeAll(async () => {
    await initBackend('wasm', { native: false });
  });

  it('is valid WebAssembly, for private and shared memories', () => {
    const api = (globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly;
    expect(api.validate(transposeSimdModuleBytes(false))).toBe(true);
    expect(api.validate(transposeSimdModuleBytes(true))).toBe(true);
  });

  it('moves every element where the stock Transpose does, SIMD or not (random shapes and values)', () => {
    const backend = tf.backend() as BackendWasm;
    fc.assert(
      fc.property(
        fc.record({
          rows: fc.integer({ min: 1, max: 70 }),
          cols: fc.integer({ min: 1, max: 70 }),
          batch: fc.constantFrom([], [1], [2]),
          seed: fc.nat(1000),
        }),
        ({ rows, cols, batch, seed }) => {
          const x = tf.randomUniform([...batch, rows, cols], -1e6, 1e6, 'float32', seed);
          const expected = tf.transpose(x, [...batch.map((_, i) => i), batch.length + 1, batch.length]);
          const simd = simdTransposeApplies(backend, x.shape, x.dtype);
          expect(simd).toBe(rows % 4 === 0 && cols % 4 === 0 && batch[0] !== 2);
          const out = transposeLastTwo(backend, x);
          const got = backend.readSync(out.dataId) as Float32Array;
          expect(out.shape).toEqual(expected.shape);
          expect(Buffer.from(got.buffer, got.byteOffset, got.byteLength).equals(Buffer.from(expected.dataSync().buffer))).toBe(true);
          backend.disposeData(out.dataId);
          tf.dispose([x, expected]);
        },
      ),
      { numRuns: 60, seed: 5 },
    );
  });
});
