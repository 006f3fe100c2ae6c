import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_WASM_THREADS } from '../backend/BackendInfo.js';


// The emscripten worker loads the main script only through this branch; we point it at a file.
const WORKER_NEEDLE = 'if(typeof e.data.urlOrBlob=="string"){importScripts(e.data.urlOrBlob)}';
const MAIN_PREFIX = 'var WasmBackendModuleThreadedSimd';
// Names the bundled factory's source uses from the bundle's own scope (tfjs-backend-wasm 4.22's
// rollup output): its node builtins, the global alias and three TypeScript helpers.
const MAIN_HEADER = [
  "var require$$0 = require('fs'), require$$1 = require('path'), require$$3 = require('perf_hooks'), require$$4 = require('os');",
  'var commonjsGlobal = globalThis;',
  'function __values(o) { return o[Symbol.iterator](); }',
  'function __read(o, n) { var out = [], it = o[Symbol.iterator](), r; while ((n === undefined || out.length < n) && !(r = it.next()).done) out.push(r.value); return out; }',
  'function __spreadArray(to, from) { return to.concat(Array.prototype.slice.call(from)); }',
  '',
].join('\n');
const KNOWN_BUNDLE_NAMES = new Set(['require$$0', 'require$$1', 'require$$3', 'require$$4']);

/**
 * Runs `start` (which must be the first `tf.setBackend('wasm')` of the process) so that tfjs
 * loads its threaded SIMD binary, whose memory is shared (its XNNPACK pool gets what
 * `wasm.setThreadsCount` set: loadWasmBackend keeps it at one beside gradproof's GEMM threads).
 * Stock tfjs cannot do that in Node (tfjs issue 3830): it hands emscripten `blob:` URLs for the
 * pthread worker and main script, which Node's worker_threads cannot load, and sizes the pool
 * from half the logical cores. For the duration of `start` only, this records the text of the Blobs tfjs makes and
 * turns their object URLs into files in the OS temp directory (named by content hash, written
 * atomically, kept for later workers), and reports 2·threads cores. Throws, naming what did not
 * match, when the installed tfjs builds its worker differently.
 */
export async function nodeWasmThreads<T>(threads: number, start: () => Promise<T>): Promise<T> {
  if (!Number.isSafeInteger(threads) || threads < 2 || threads > MAX_WASM_THREADS) {
    throw new RangeError(`nodeWasmThreads: threads must be an integer in 2..${MAX_WASM_THREADS}, got ${String(threads)}`);
  }
  const dir = path.join(os.tmpdir(), `gradproof-wasm-threads-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true });
  const OriginalBlob = globalThis.Blob;
  const originalCreateObjectURL = URL.createObjectURL;
  const originalCpus = os.cpus;
  const texts = new WeakMap<object, string>();
  let mainPath: string | undefined;
  // tfjs hands the main script's Blob straight to emscripten (which posts it to each worker), so
  // it is written out here; the pthread worker script's Blob goes through createObjectURL, which
  // rewrites it to load that file instead.
  class RecordingBlob extends OriginalBlob {
    constructor(...args: ConstructorParameters<typeof Blob>) {
      super(...args);
      const parts: unknown[] = args[0] ?? [];
      if (!parts.every((p): p is string => typeof p === 'string')) return;
      const text = parts.join('');
      texts.set(this, text);
      if (text.startsWith(MAIN_PREFIX)) mainPath = mainScript(dir, text);
    }
  }
  const createObjectURL = (blob: Blob): string => {
    const text = texts.get(blob);
    if (text === undefined) return originalCreateObjectURL(blob);
    if (!text.includes(WORKER_NEEDLE))
      throw new Error('nodeWasmThreads: the tfjs pthread worker script no longer loads its main script as expected');
    if (mainPath === undefined) throw new Error('nodeWasmThreads: tfjs made the pthread worker before its main script');
    return cached(dir, text.replace(WORKER_NEEDLE, `if(true){importScripts(${JSON.stringify(mainPath)})}`));
  };
  globalThis.Blob = RecordingBlob;
  URL.createObjectURL = createObjectURL;
  const workerWas = Object.getOwnPropertyDescriptor(globalThis, 'Worker');
  let worker: unknown = workerWas?.value;
  // emscripten installs worker_threads' Worker as a global and creates its workers from it. They
  // would inherit this process's execArgv, where flags such as --input-type or a loader break them.
  Object.defineProperty(globalThis, 'Worker', {
    configurable: true,
    get: () => worker,
    set: (W: unknown) => {
      worker = typeof W === 'function' ? withoutExecArgv(W as WorkerClass) : W;
    },
  });
  const cpus = originalCpus();
  os.cpus = () => Array.from({ length: 2 * threads }, (_, i) => cpus[i % cpus.length]!);
  try {
    return await start();
  } finally {
    globalThis.Blob = OriginalBlob;
    URL.createObjectURL = originalCreateObjectURL;
    os.cpus = originalCpus;
    // Workers may still be created later (emscripten grows its pool on demand), so the wrapped
    // class stays as the global emscripten set.
    if (worker !== undefined) Object.defineProperty(globalThis, 'Worker', { configurable: true, writable: true, value: worker });
    else if (workerWas === undefined) delete (globalThis as { Worker?: unknown }).Worker;
    else Object.defineProperty(globalThis, 'Worker', workerWas);
  }
}

type WorkerClass = new (file: string | URL, options?: Record<string, unknown>) => object;

function withoutExecArgv(W: WorkerClass): WorkerClass {
  return class extends W {
    constructor(file: string | URL, options?: Record<string, unknown>) {
      super(file, { execArgv: [], ...options });
    }
  };
}

function mainScript(dir: string, text: string): string {
  const unknown = [...new Set(text.match(/\brequire\$\$\d+\b/g) ?? [])].filter((n) => !KNOWN_BUNDLE_NAMES.has(n));
  if (unknown.length > 0) throw new Error(`nodeWasmThreads: the tfjs wasm factory uses unknown bundle names ${unknown.join(', ')}`);
  return cached(dir, MAIN_HEADER + text + '\n');
}

function cached(dir: string, text: string): string {
  const file = path.join(dir, `${createHash('sha256').update(text).digest('hex').slice(0, 24)}.cjs`);
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  }
  return file;
}
