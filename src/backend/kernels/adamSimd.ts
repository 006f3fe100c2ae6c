import { adamSimdModuleBytes } from './adamSimdModule';
import type { AdamStepScalars } from './adamUpdate';

/** The SIMD Adam function bound to one wasm memory. */
export type AdamSimd = (
  p: number,
  g: number,
  m: number,
  v: number,
  pOut: number,
  mOut: number,
  vOut: number,
  quads: number,
  beta1: number,
  oneMinusBeta1: number,
  beta2: number,
  oneMinusBeta2: number,
  bc2Sqrt: number,
  eps: number,
  stepSize: number,
) => void;

// The project's TypeScript libs do not declare the WebAssembly JS API, so just what is used here.
interface WasmJsApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: abstract new (...args: never[]) => object;
}
const WASM = (globalThis as unknown as { WebAssembly: WasmJsApi }).WebAssembly;

const compiled = new Map<boolean, object | null>();
const instances = new WeakMap<object, AdamSimd | null>();

/** Whether `x` is a WebAssembly.Memory. */
export function isWasmMemory(x: unknown): x is object {
  return x instanceof WASM.Memory;
}

/**
 * The SIMD Adam (see adamSimdModule) instantiated on `memory` (shared or not), or undefined
 * where this WebAssembly engine lacks SIMD or will not link it (then the caller uses the
 * JavaScript loop).
 */
export function adamSimdFor(memory: object): AdamSimd | undefined {
  let fn = instances.get(memory);
  if (fn === undefined) {
    const shared = (memory as { buffer?: unknown }).buffer instanceof SharedArrayBuffer;
    let module = compiled.get(shared);
    if (module === undefined) {
      try {
        module = new WASM.Module(adamSimdModuleBytes(shared));
      } catch {
        module = null;
      }
      compiled.set(shared, module);
    }
    try {
      fn = module === null ? null : (new WASM.Instance(module, { env: { memory } }).exports.adam as AdamSimd);
    } catch {
      fn = null;
    }
    instances.set(memory, fn);
  }
  return fn ?? undefined;
}

/** Runs the SIMD step on all whole quads of n elements; returns how many elements it did. */
export function runAdamSimd(fn: AdamSimd, offsets: readonly number[], n: number, s: AdamStepScalars): number {
  const quads = n >>> 2;
  const [p, g, m, v, pOut, mOut, vOut] = offsets as [number, number, number, number, number, number, number];
  fn(p, g, m, v, pOut, mOut, vOut, quads, s.beta1, 1 - s.beta1, s.beta2, 1 - s.beta2, s.bc2Sqrt, s.eps, s.stepSize);
  return quads * 4;
}
