import { Worker } from 'node:worker_threads';
import { accelState } from '../accelState.js';
import { adamSimdModuleBytes } from '../kernels/adamSimdModule.js';
import { gemmSimdModuleBytes } from './gemmSimdModule.js';
import { relaxedMaddSupport } from './relaxedMadd.js';
import { WASM } from './simdFunctionFor.js';

/** product's arguments up to n, without the chunk and slot ones; see gemmSimdModule. */
export type ProductArgs = readonly [
  a: number,
  aT: number,
  b: number,
  bT: number,
  scratch: number,
  c: number,
  m: number,
  k: number,
  n: number,
];

/** The Adam module's pointers (p, g, m, v, pOut, mOut, vOut; byte offsets) and its seven scalars; see adamSimdModule. */
export type AdamPointers = readonly [number, number, number, number, number, number, number];
export type AdamScalars = readonly [number, number, number, number, number, number, number];

type Product = (...args: [...ProductArgs, chunk: number, chunks: number, slot: number, slots: number, packB: number]) => void;

/** Runs a whole product on the calling thread alone (one chunk, slot 0). */
export function productAlone(product: Product, args: ProductArgs): void {
  product(...args, 0, 1, 0, 1, 1);
}

// The control block, Int32 slots: a job generation the workers wait on; the next chunk to take,
// as (generation mod 2¹⁶) << 16 | chunk, so a thread that wakes late cannot take a chunk of a
// later job with an earlier job's arguments; chunks done; whether one trapped; workers up; the
// job's kind, chunk and thread counts; then its integer arguments. Its float arguments (Adam's
// scalars) are in a Float64Array beside it.
const [GEN, NEXT, DONE, FAILED, READY, KIND, CHUNKS, SLOTS_USED, ARGS] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const SLOTS = ARGS + 9;
// A product's kind indexes the product functions: the GEMM's plain and relaxed-SIMD builds.
const [PRODUCT, PRODUCT_FMA, ADAM] = [0, 1, 2];
// A job comes every few milliseconds during training; a worker polls this many times before it
// sleeps, so back-to-back jobs do not each pay a futex wake-up.
const SPINS = 20000;
const START_TIMEOUT_MS = 10_000;
const JOB_TIMEOUT_MS = 120_000;
/** The most chunks a job may be cut into (the chunk field of NEXT). */
export const MAX_CHUNKS = 0xffff;
/** Chunks a job is cut into per thread: enough that a thread the OS runs late holds up only a small part. */
export const CHUNKS_PER_THREAD = 4;

// Takes chunks of job `gen` until none is left: shared by the calling thread and the workers
// (as source text, so both run the same code). A product's chunk is the module's own (see
// gemmSimdModule); an Adam chunk is the c-th of `chunks` runs of whole quads.
const TAKE_CHUNKS_SOURCE = `function takeChunks(ctl, f64, products, adam, gen, slot) {
  const kind = ctl[${KIND}], chunks = ctl[${CHUNKS}], slots = ctl[${SLOTS_USED}];
  const a = Array.from(ctl.subarray(${ARGS}, ${SLOTS}));
  const s = Array.from(f64.subarray(0, 7));
  let first = 1;
  for (;;) {
    const w = Atomics.load(ctl, ${NEXT});
    if (w >>> 16 !== gen || (w & 0xffff) >= chunks) return;
    if (Atomics.compareExchange(ctl, ${NEXT}, w, w + 1) !== w) continue;
    const c = w & 0xffff;
    try {
      if (kind !== ${ADAM}) {
        products[kind](...a, c, chunks, slot, slots, first);
      } else {
        const q0 = Math.floor((c * a[7]) / chunks), q1 = Math.floor(((c + 1) * a[7]) / chunks), d = 16 * q0;
        adam(a[0] + d, a[1] + d, a[2] + d, a[3] + d, a[4] + d, a[5] + d, a[6] + d, q1 - q0, ...s);
      }
    } catch {
      Atomics.store(ctl, ${FAILED}, 1);
    }
    first = 0;
    Atomics.add(ctl, ${DONE}, 1);
    Atomics.notify(ctl, ${DONE});
  }
}`;
type AdamFn = (...args: number[]) => void;
type TakeChunks = (ctl: Int32Array, f64: Float64Array, products: readonly Product[], adam: AdamFn, gen: number, slot: number) => void;
// The same text the workers evaluate, so both sides take chunks by one protocol.
const takeChunks = new Function(`return ${TAKE_CHUNKS_SOURCE}`)() as TakeChunks;

// CommonJS, evaluated by worker_threads: instantiates the modules on the shared memory, then
// takes chunks of every job, as slot \`index\`, until the process exits (the workers are unref'd).
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { gemmModules, adamModule, memory, control, floats, index } = workerData;
const products = gemmModules.map((m) => new WebAssembly.Instance(m, { env: { memory } }).exports.product);
const adam = new WebAssembly.Instance(adamModule, { env: { memory } }).exports.adam;
const ctl = new Int32Array(control);
const f64 = new Float64Array(floats);
${TAKE_CHUNKS_SOURCE}
Atomics.add(ctl, ${READY}, 1);
Atomics.notify(ctl, ${READY});
let seen = 0;
for (;;) {
  let spins = 0;
  while (Atomics.load(ctl, ${GEN}) === seen) {
    if (++spins > ${SPINS}) Atomics.wait(ctl, ${GEN}, seen);
  }
  seen = Atomics.load(ctl, ${GEN});
  takeChunks(ctl, f64, products, adam, seen & 0xffff, index);
}
`;

/**
 * gradproof's SIMD kernels (the GEMM's products and the Adam step) on several threads over one
 * shared wasm memory (the threaded tfjs binary's): the calling thread and `threads − 1` worker
 * threads take the chunks of each job as they come free. Every output element is computed within
 * one chunk, in the same order whichever thread runs it, so the bits do not depend on the
 * threads. The workers are gradproof's own, beside XNNPACK's pool, and poll briefly, then
 * sleep, between jobs.
 */
export class SimdThreads {
  private readonly control = new Int32Array(new SharedArrayBuffer(4 * SLOTS));
  private readonly floats = new Float64Array(new SharedArrayBuffer(8 * 8));
  private readonly workers: Worker[] = [];
  // The GEMM's product, then its relaxed-SIMD build where the engine compiles relaxed SIMD.
  private readonly products: Product[];
  private readonly adam: AdamFn;

  /**
   * Starts the workers and waits until each has linked the modules; throws for a memory that is
   * not shared, a bad thread count, or a worker that does not start within 10 s.
   */
  constructor(
    memory: object,
    readonly threads: number,
  ) {
    if (!((memory as { buffer?: unknown }).buffer instanceof SharedArrayBuffer)) {
      throw new TypeError('SimdThreads: the wasm memory must be shared (a SharedArrayBuffer), as the threaded tfjs binary makes it');
    }
    if (!Number.isSafeInteger(threads) || threads < 1)
      throw new RangeError(`SimdThreads: threads must be a positive integer, got ${String(threads)}`);
    const fma = relaxedMaddSupport().available;
    const gemmModules = [false, ...(fma ? [true] : [])].map((f) => new WASM.Module(gemmSimdModuleBytes(true, f)));
    const adamModule = new WASM.Module(adamSimdModuleBytes(true));
    this.products = gemmModules.map((m) => new WASM.Instance(m, { env: { memory } }).exports.product as Product);
    this.adam = new WASM.Instance(adamModule, { env: { memory } }).exports.adam as AdamFn;
    for (let index = 1; index < threads; index++) {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        execArgv: [],
        workerData: { gemmModules, adamModule, memory, control: this.control.buffer, floats: this.floats.buffer, index },
      });
      worker.unref();
      this.workers.push(worker);
    }
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (let ready = Atomics.load(this.control, READY); ready < threads - 1; ready = Atomics.load(this.control, READY)) {
      if (Date.now() > deadline || Atomics.wait(this.control, READY, ready, deadline - Date.now()) === 'timed-out') {
        this.terminate();
        throw new Error(`SimdThreads: ${threads - 1 - ready} of ${threads - 1} worker threads did not start within ${START_TIMEOUT_MS} ms`);
      }
    }
  }

  /**
   * Runs a whole product cut into `chunks` (see gemmSimdModule's product), which this thread and
   * the workers take as they come free, so a worker the OS runs late costs only its current
   * chunk; returns when every chunk is done. Scratch must hold `threads` copies of B with Aᵀ.
   * `fma` runs the GEMM's relaxed-SIMD build (see gemmSimdModule), where the engine has it.
   */
  run(args: ProductArgs, chunks: number, fma = false): void {
    if (fma && this.products.length < 2)
      throw new Error('SimdThreads: this engine does not compile relaxed SIMD, so there is no fma product');
    this.job(fma ? PRODUCT_FMA : PRODUCT, args, [], chunks, `the [${args[6]}×${args[7]}]·[${args[7]}×${args[8]}] product`);
  }

  /** The Adam step over `quads` quads of floats (see adamSimdModule), cut into `chunks`. */
  runAdam(pointers: AdamPointers, quads: number, scalars: AdamScalars, chunks: number): void {
    this.job(ADAM, [...pointers, quads], scalars, Math.min(chunks, Math.max(1, quads)), `the Adam step over ${quads} quads`);
  }

  /** Stops the workers (they are unref'd, so a process exits without this). */
  terminate(): void {
    for (const w of this.workers) void w.terminate();
    this.workers.length = 0;
  }

  private job(kind: number, ints: readonly number[], floats: readonly number[], chunks: number, what: string): void {
    if (!Number.isSafeInteger(chunks) || chunks < 1 || chunks > MAX_CHUNKS) {
      throw new RangeError(`SimdThreads: chunks must be an integer in 1..${MAX_CHUNKS}, got ${String(chunks)}`);
    }
    if (this.workers.length < this.threads - 1) throw new Error('SimdThreads: the pool has been terminated');
    const ctl = this.control;
    const gen = (Atomics.load(ctl, GEN) + 1) | 0;
    ctl.set(ints, ARGS);
    this.floats.set(floats);
    Atomics.store(ctl, KIND, kind);
    Atomics.store(ctl, CHUNKS, chunks);
    Atomics.store(ctl, SLOTS_USED, this.threads);
    Atomics.store(ctl, DONE, 0);
    Atomics.store(ctl, FAILED, 0);
    Atomics.store(ctl, NEXT, (gen & 0xffff) << 16);
    Atomics.store(ctl, GEN, gen);
    if (chunks > 1) Atomics.notify(ctl, GEN);
    takeChunks(ctl, this.floats, this.products, this.adam, gen & 0xffff, 0);
    // Chunks the workers took are waited for even when one trapped, so no job overlaps the next.
    const deadline = Date.now() + JOB_TIMEOUT_MS;
    let spins = 0;
    for (let done = Atomics.load(ctl, DONE); done < chunks; done = Atomics.load(ctl, DONE)) {
      if (++spins < SPINS) continue;
      if (Date.now() > deadline) throw new Error(`SimdThreads: a worker did not finish its chunk of ${what} within ${JOB_TIMEOUT_MS} ms`);
      Atomics.wait(ctl, DONE, done, 100);
    }
    if (Atomics.load(ctl, FAILED) !== 0) {
      throw new Error(`SimdThreads: ${what} trapped (arguments outside the wasm memory?): ${JSON.stringify([...ints, ...floats])}`);
    }
  }
}

const pools = new WeakMap<object, SimdThreads | null>();

/**
 * The worker pool for a wasm memory, started on first use with `threads` − 1 workers; undefined
 * for one thread, for a memory that is not shared, or when the workers failed to start (then
 * kernels run on the calling thread alone, and wasmThreadsUnavailableReason says why).
 */
export function simdPool(memory: object, threads: number): SimdThreads | undefined {
  if (threads <= 1 || !((memory as { buffer?: unknown }).buffer instanceof SharedArrayBuffer)) return undefined;
  let pool = pools.get(memory);
  if (pool === undefined) {
    try {
      pool = new SimdThreads(memory, threads);
    } catch (e) {
      accelState.wasmThreadsUnavailable ??= (e as Error).message;
      pool = null;
    }
    pools.set(memory, pool);
  }
  return pool ?? undefined;
}
