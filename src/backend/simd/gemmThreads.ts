import { Worker } from 'node:worker_threads';
import { gemmSimdModuleBytes } from './gemmSimdModule';
import { WASM } from './simdFunctionFor';

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

type Product = (...args: [...ProductArgs, chunk: number, chunks: number, slot: number, slots: number, packB: number]) => void;

/** Runs a whole product on the calling thread alone (one chunk, slot 0). */
export function productAlone(product: Product, args: ProductArgs): void {
  product(...args, 0, 1, 0, 1, 1);
}

// The control block, Int32 slots: a job generation the workers wait on; the next chunk to take,
// as (generation mod 2¹⁶) << 16 | chunk, so a thread that wakes late cannot take a chunk of a
// later job with an earlier job's arguments; chunks done; whether one trapped; workers up; the
// job's chunk and thread counts; then its arguments.
const [GEN, NEXT, DONE, FAILED, READY, CHUNKS, SLOTS_USED, ARGS] = [0, 1, 2, 3, 4, 5, 6, 7];
const SLOTS = ARGS + 9;
// A job comes every few milliseconds during training; a worker polls this many times before it
// sleeps, so back-to-back products do not each pay a futex wake-up.
const SPINS = 20000;
const START_TIMEOUT_MS = 10_000;
const JOB_TIMEOUT_MS = 120_000;
/** The most chunks a product may be cut into (the chunk field of NEXT). */
export const MAX_CHUNKS = 0xffff;

// Takes chunks of job `gen` until none is left: shared by the calling thread and the workers
// (as source text, so both run the same code). Returns whether any chunk trapped.
const TAKE_CHUNKS_SOURCE = `function takeChunks(ctl, product, args, gen, slot) {
  const chunks = ctl[${CHUNKS}], slots = ctl[${SLOTS_USED}];
  let first = 1, trapped = false;
  for (;;) {
    const w = Atomics.load(ctl, ${NEXT});
    if (w >>> 16 !== gen || (w & 0xffff) >= chunks) return trapped;
    if (Atomics.compareExchange(ctl, ${NEXT}, w, w + 1) !== w) continue;
    try {
      product(...args, w & 0xffff, chunks, slot, slots, first);
    } catch {
      trapped = true;
      Atomics.store(ctl, ${FAILED}, 1);
    }
    first = 0;
    Atomics.add(ctl, ${DONE}, 1);
    Atomics.notify(ctl, ${DONE});
  }
}`;
type TakeChunks = (ctl: Int32Array, product: Product, args: readonly number[], gen: number, slot: number) => boolean;
// The same text the workers evaluate, so both sides take chunks by one protocol.
const takeChunks = new Function(`return ${TAKE_CHUNKS_SOURCE}`)() as TakeChunks;

// CommonJS, evaluated by worker_threads: instantiates the module on the shared memory, then takes
// chunks of every job, as slot \`index\`, until the process exits (the workers are unref'd).
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, control, index } = workerData;
const product = new WebAssembly.Instance(module, { env: { memory } }).exports.product;
const ctl = new Int32Array(control);
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
  takeChunks(ctl, product, Array.from(ctl.subarray(${ARGS}, ${SLOTS})), seen & 0xffff, index);
}
`;

/**
 * gradproof's SIMD GEMM on several threads over one shared wasm memory (the threaded tfjs
 * binary's): the calling thread and `threads − 1` worker threads take the chunks of each product
 * (see gemmSimdModule's product) as they come free. The workers are gradproof's own, beside
 * XNNPACK's pool, and poll briefly, then sleep, between jobs.
 */
export class GemmThreads {
  private readonly control = new Int32Array(new SharedArrayBuffer(4 * SLOTS));
  private readonly workers: Worker[] = [];
  private readonly product: Product;

  /**
   * Starts the workers and waits until each has linked the module; throws for a memory that is
   * not shared, a bad thread count, or a worker that does not start within 10 s.
   */
  constructor(
    memory: object,
    readonly threads: number,
  ) {
    if (!((memory as { buffer?: unknown }).buffer instanceof SharedArrayBuffer)) {
      throw new TypeError('GemmThreads: the wasm memory must be shared (a SharedArrayBuffer), as the threaded tfjs binary makes it');
    }
    if (!Number.isSafeInteger(threads) || threads < 1)
      throw new RangeError(`GemmThreads: threads must be a positive integer, got ${String(threads)}`);
    const module = new WASM.Module(gemmSimdModuleBytes(true));
    this.product = new WASM.Instance(module, { env: { memory } }).exports.product as Product;
    for (let index = 1; index < threads; index++) {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        execArgv: [],
        workerData: { module, memory, control: this.control.buffer, index },
      });
      worker.unref();
      this.workers.push(worker);
    }
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (let ready = Atomics.load(this.control, READY); ready < threads - 1; ready = Atomics.load(this.control, READY)) {
      if (Date.now() > deadline || Atomics.wait(this.control, READY, ready, deadline - Date.now()) === 'timed-out') {
        this.terminate();
        throw new Error(
          `GemmThreads: ${threads - 1 - ready} of ${threads - 1} GEMM worker threads did not start within ${START_TIMEOUT_MS} ms`,
        );
      }
    }
  }

  /**
   * Runs a whole product cut into `chunks` (see gemmSimdModule's product), which this thread and
   * the workers take as they come free, so a worker the OS runs late costs only its current
   * chunk; returns when every chunk is done. Scratch must hold `threads` copies of B with Aᵀ.
   */
  run(args: ProductArgs, chunks: number): void {
    if (!Number.isSafeInteger(chunks) || chunks < 1 || chunks > MAX_CHUNKS) {
      throw new RangeError(`GemmThreads.run: chunks must be an integer in 1..${MAX_CHUNKS}, got ${String(chunks)}`);
    }
    if (this.workers.length < this.threads - 1) throw new Error('GemmThreads.run: the pool has been terminated');
    const ctl = this.control;
    const gen = (Atomics.load(ctl, GEN) + 1) | 0;
    ctl.set(args, ARGS);
    Atomics.store(ctl, CHUNKS, chunks);
    Atomics.store(ctl, SLOTS_USED, this.threads);
    Atomics.store(ctl, DONE, 0);
    Atomics.store(ctl, FAILED, 0);
    Atomics.store(ctl, NEXT, (gen & 0xffff) << 16);
    Atomics.store(ctl, GEN, gen);
    if (chunks > 1) Atomics.notify(ctl, GEN);
    takeChunks(ctl, this.product, args, gen & 0xffff, 0);
    // Chunks the workers took are waited for even when one trapped, so no job overlaps the next.
    const deadline = Date.now() + JOB_TIMEOUT_MS;
    const shape = `[${args[6]}×${args[7]}]·[${args[7]}×${args[8]}]`;
    let spins = 0;
    for (let done = Atomics.load(ctl, DONE); done < chunks; done = Atomics.load(ctl, DONE)) {
      if (++spins < SPINS) continue;
      if (Date.now() > deadline)
        throw new Error(`GemmThreads: a GEMM worker did not finish its chunk of an ${shape} product within ${JOB_TIMEOUT_MS} ms`);
      Atomics.wait(ctl, DONE, done, 100);
    }
    if (Atomics.load(ctl, FAILED) !== 0) {
      throw new Error(`GemmThreads: the ${shape} product trapped (arguments outside the wasm memory?): ${JSON.stringify(args)}`);
    }
  }

  /** Stops the workers (they are unref'd, so a process exits without this). */
  terminate(): void {
    for (const w of this.workers) void w.terminate();
    this.workers.length = 0;
  }
}
