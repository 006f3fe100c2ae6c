import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/backend/initBackend';
import type { BackendOptions } from '../../src/backend/BackendInfo';
import { createRng } from '../../src/random/Rng';
import { Adam } from '../../src/train/Adam';
import { TORCH_ADAM, type AdamConfig } from '../../src/train/AdamConfig';
import { adamSimdFor, runAdamSimd } from '../../src/accel/kernels/adamSimd';
import { isWasmMemory } from '../../src/accel/simd/simdFunctionFor';
import { adamUpdate } from '../../src/accel/kernels/adamUpdate';
import { adamSimdModuleBytes } from '../../src/accel/kernels/adamSimdModule';
import { NATIVE_AVAILABLE } from './wasmModes';

const CONFIG: AdamConfig = { ...TORCH_ADAM, lr: 0.01 };
// Tiny, odd and large-ish sizes: the native loop has vector bodies and scalar tails.
const SHAPES = [[1], [3], [5, 7], [33, 65]];

function seeded(n: number, stream: string, zeros: boolean): Float32Array {
  const out = new Float32Array(n);
  createRng(7, stream).fillUniform(out, -1, 1);
  if (zeros) for (let i = 0; i < n; i += 4) out[i] = 0;
  return out;
}

/** Variables holding `values` (tidy disposes the initial tensors; variables survive it). */
function variables(values: Float32Array[]): tf.Variable[] {
  return tf.tidy(() => values.map((x, i) => tf.variable(tf.tensor(x, SHAPES[i]))));
}

/** The op-by-op update (Adam.ts's fallback), written out independently. */
function referenceSteps(params: Float32Array[], grads: Float32Array[][]): Float32Array[] {
  const p = variables(params);
  const m = variables(params.map((x) => new Float32Array(x.length)));
  const v = variables(params.map((x) => new Float32Array(x.length)));
  const { lr, beta1, beta2, eps } = CONFIG;
  grads.forEach((stepGrads, s) => {
    const t = s + 1;
    const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
    const stepSize = lr / (1 - beta1 ** t);
    tf.tidy(() =>
      p.forEach((pi, i) => {
        const g = tf.tensor(stepGrads[i]!, SHAPES[i]);
        const m1 = m[i]!.mul(beta1).add(g.mul(1 - beta1));
        const v1 = v[i]!.mul(beta2).add(g.square().mul(1 - beta2));
        m[i]!.assign(m1);
        v[i]!.assign(v1);
        pi.assign(pi.sub(m1.div(v1.sqrt().div(bc2Sqrt).add(eps)).mul(stepSize)));
      }),
    );
  });
  const out = p.map((x) => x.dataSync() as Float32Array);
  tf.dispose([...p, ...m, ...v]);
  return out;
}

function adamSteps(params: Float32Array[], grads: Float32Array[][], shareFirst: boolean): { out: Float32Array[]; shared?: Float32Array } {
  const p = variables(params);
  // A second tensor on the first parameter's buffer: the in-place path must leave it alone.
  const alias = shareFirst ? tf.reshape(p[0]!, SHAPES[0]!) : undefined;
  const adam = new Adam(p, CONFIG);
  for (const stepGrads of grads) {
    const g = stepGrads.map((x, i) => tf.tensor(x, SHAPES[i]));
    adam.apply(g);
    tf.dispose(g);
  }
  const out = p.map((x) => x.dataSync() as Float32Array);
  const shared = alias?.dataSync() as Float32Array | undefined;
  adam.dispose();
  tf.dispose([...p, ...(alias ? [alias] : [])]);
  return { out, ...(shared ? { shared } : {}) };
}

const params = SHAPES.map((s, i) => seeded(tf.util.sizeFromShape(s), `p${i}`, false));
const grads = [0, 1, 2, 3].map((step) => SHAPES.map((s, i) => seeded(tf.util.sizeFromShape(s), `g${step}.${i}`, step === 1)));

const setups: [string, 'cpu' | 'wasm', BackendOptions][] = [
  ['cpu', 'cpu', {}],
  ['pure wasm', 'wasm', { native: false }],
  ...(NATIVE_AVAILABLE ? ([['native addon', 'wasm', { native: true }]] as [string, 'wasm', BackendOptions][]) : []),
];

describe.each(setups)('fused Adam kernel on %s', (_label, backend, options) => {
  it('is bit-identical to the op-by-op update over four steps (zeros, negatives, sizes 1 to 2145)', async () => {
    await initBackend(backend, options);
    const expected = referenceSteps(params, grads);
    const { out } = adamSteps(params, grads, false);
    out.forEach((values, i) => expect(Buffer.from(values.buffer).equals(Buffer.from(expected[i]!.buffer)), `param ${i}`).toBe(true));
    // Not a tautology: the update moved every parameter.
    expect(out[3]!.some((x, j) => x !== params[3]![j])).toBe(true);
  });

  it('leaves other tensors that share a parameter buffer unchanged, and leaks nothing', async () => {
    await initBackend(backend, options);
    const tensors = tf.memory().numTensors;
    const { out, shared } = adamSteps(params, grads, true);
    expect(Array.from(shared!)).toEqual(Array.from(params[0]!));
    expect(out[0]![0]).not.toBe(params[0]![0]);
    expect(tf.memory().numTensors).toBe(tensors);
  });
});

describe('the pure-wasm SIMD Adam module', () => {
  it('is valid WebAssembly and instantiates on the wasm backend memory (so the JS loop is only the fallback)', async () => {
    await initBackend('wasm', { native: false });
    const api = (globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly;
    expect(api.validate(adamSimdModuleBytes())).toBe(true);
    const memory = (tf.backend() as unknown as { wasm: { asm: { memory: unknown } } }).wasm.asm.memory;
    expect(isWasmMemory(memory)).toBe(true);
    expect(adamSimdFor(memory as object)).toBeTypeOf('function');
  });

  it("links to the threaded binary's shared memory too, with the JavaScript update's bits", () => {
    type Mem = { buffer: ArrayBuffer };
    const api = (globalThis as unknown as { WebAssembly: { Memory: new (d: object) => Mem } }).WebAssembly;
    const n = 64;
    const inputs = ['p', 'g', 'm', 'v'].map((stream, i) => seeded(n, stream, i === 1));
    for (const v of inputs[3]!.keys()) inputs[3]![v] = Math.abs(inputs[3]![v]!);
    const scalars = { beta1: 0.9, beta2: 0.999, eps: 1e-8, bc2Sqrt: Math.sqrt(1 - 0.999 ** 3), stepSize: 0.01 / (1 - 0.9 ** 3) };
    const expected = [0, 1, 2].map(() => new Float32Array(n));
    adamUpdate(inputs[0]!, inputs[1]!, inputs[2]!, inputs[3]!, expected[0]!, expected[1]!, expected[2]!, scalars);
    for (const shared of [false, true]) {
      const memory = new api.Memory(shared ? { initial: 1, maximum: 65536, shared: true } : { initial: 1 });
      expect(memory.buffer instanceof SharedArrayBuffer).toBe(shared);
      const heap = new Float32Array(memory.buffer);
      inputs.forEach((x, i) => heap.set(x, i * n));
      const fn = adamSimdFor(memory);
      expect(fn).toBeTypeOf('function');
      expect(
        runAdamSimd(
          fn!,
          [0, 1, 2, 3, 4, 5, 6].map((i) => i * n * 4),
          n,
          scalars,
        ),
      ).toBe(n);
      expect([4, 5, 6].map((i) => [...heap.subarray(i * n, (i + 1) * n)])).toEqual(expected.map((x) => [...x]));
    }
  });
});
