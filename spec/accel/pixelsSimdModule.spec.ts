import { describe, it, expect } from 'vitest';
import { pixelsSimdModuleBytes } from '../../src/accel/simd/pixelsSimdModule';
import { WASM } from '../../src/accel/simd/simdFunctionFor';
import { INPUT_LUT } from '../../src/data/inputLut';

type Mem = { buffer: ArrayBuffer };
const api = globalThis as unknown as { WebAssembly: { Memory: new (d: object) => Mem } };

function pixelsOn(shared: boolean): { memory: Mem; pixels: (src: number, dst: number, n: number) => void } {
  const memory = new api.WebAssembly.Memory(shared ? { initial: 4, maximum: 64, shared: true } : { initial: 4 });
  const module = new WASM.Module(pixelsSimdModuleBytes(shared));
  return { memory, pixels: new WASM.Instance(module, { env: { memory } }).exports.pixels as (src: number, dst: number, n: number) => void };
}

const bits = (x: Float32Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);

describe('the SIMD pixels module', () => {
  it.each([false, true])("gives INPUT_LUT's bits for every byte value (shared memory: %s)", (shared) => {
    const { memory, pixels } = pixelsOn(shared);
    const bytes = new Uint8Array(memory.buffer, 64, 256);
    bytes.set(Uint8Array.from({ length: 256 }, (_, v) => v));
    pixels(64, 1024, 256);
    expect(bits(new Float32Array(memory.buffer, 1024, 256)).equals(bits(INPUT_LUT))).toBe(true);
  });

  it('converts exactly n bytes for every tail length and any alignment, writing nothing past the n floats', () => {
    const { memory, pixels } = pixelsOn(false);
    for (let n = 0; n <= 40; n++) {
      for (const src of [64, 67]) {
        const heap = new Uint8Array(memory.buffer);
        heap.fill(0xee, 0, 4096);
        const input = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) % 256);
        heap.set(input, src);
        pixels(src, 1028, n);
        const out = new Float32Array(memory.buffer, 1028, n + 4);
        const want = Float32Array.from(input, (v) => INPUT_LUT[v]!);
        expect(bits(out.subarray(0, n)).equals(bits(want)), `n ${n}, src ${src}`).toBe(true);
        expect(
          [...new Uint8Array(memory.buffer, 1028 + 4 * n, 16)].every((b) => b === 0xee),
          `past n ${n}`,
        ).toBe(true);
        expect(
          [...new Uint8Array(memory.buffer, 1012, 16)].every((b) => b === 0xee),
          `before n ${n}`,
        ).toBe(true);
      }
    }
  });
});
