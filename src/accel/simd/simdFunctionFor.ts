// The project's TypeScript libs do not declare the WebAssembly JS API, so just what is used here.
interface WasmJsApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: abstract new (...args: never[]) => object;
}
/** The WebAssembly JS API, typed as far as gradproof uses it. */
export const WASM = (globalThis as unknown as { WebAssembly: WasmJsApi }).WebAssembly;

/** Whether `x` is a WebAssembly.Memory. */
export function isWasmMemory(x: unknown): x is object {
  return x instanceof WASM.Memory;
}

/**
 * Returns a lookup that instantiates a hand-assembled module (built by `bytes(shared)`) on a given
 * wasm memory, shared or not, once per memory, and hands back its export `exportName`; undefined
 * where this engine lacks SIMD or will not link it (callers then take a JavaScript path).
 */
export function simdFunctionFor<F>(bytes: (shared: boolean) => Uint8Array, exportName: string): (memory: object) => F | undefined {
  const compiled = new Map<boolean, object | null>();
  const instances = new WeakMap<object, F | null>();
  return (memory) => {
    let fn = instances.get(memory);
    if (fn === undefined) {
      const shared = (memory as { buffer?: unknown }).buffer instanceof SharedArrayBuffer;
      let module = compiled.get(shared);
      if (module === undefined) {
        try {
          module = new WASM.Module(bytes(shared));
        } catch {
          module = null;
        }
        compiled.set(shared, module);
      }
      try {
        fn = module === null ? null : (new WASM.Instance(module, { env: { memory } }).exports[exportName] as F);
      } catch {
        fn = null;
      }
      instances.set(memory, fn);
    }
    return fn ?? undefined;
  };
}
