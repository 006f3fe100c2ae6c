import { Worker } from 'node:worker_threads';
import { gemmSimdModuleBytes } from './gemmSimdModule';
import { WASM } from './simdFunctionFor';

/** product's arguments without its last two (share index, share count); see gemmSimdModule. */
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

type Product = (...args: [...ProductArgs, number, number]) => void;

// The control block, Int32 slots: a job generation the workers wait on, how many shares are done,
// whether one failed, how many workers are up, the share count, then the job's arguments.
const [GEN, DONE, FAILED, READY, SHARES, ARGS] = [0, 1, 2, 3, 4, 5];
const SLOTS = ARGS + 9;
// A job comes every few milliseconds during training; a worker polls this many times before it
// sleeps, so back-to-back products do not each pay a futex wake-up.
const SPINS = 20000;
const START_TIMEOUT_MS = 10_000;
const JOB_TIMEOUT_MS = 120_000;

// CommonJS, evaluated by worker_threads: instantiates the module on the shared memory, then runs
// share `index` of every job until the process exits (the workers are unref'd).
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, control, index } = workerData;
const product = new WebAssembly.Instance(module, { env: { memory } }).exports.product;
const ctl = new Int32Array(control);
Atomics.add(ctl, ${READY}, 1);
Atomics.notify(ctl, ${READY});
let seen = 0;
for (;;) {
  let spins = 0;
  while (Atomics.load(ctl, ${GEN}) === seen) {
    if (++spins > ${SPINS}) Atomics.wait(ctl, ${GEN}, seen);
  }
  seen = Atomics.load(ctl, ${GEN});
  const shares = ctl[${SHARES}];
  if (index < shares) {
    try {
      const a = Array.from(ctl.subarray(${ARGS}, ${SLOTS}));
      product(...a, index, shares);
    } catch {
      Atomics.store(ctl, ${FAILED}, 1);
    }
    Atomics.add(ctl, ${DONE}, 1);
    Atomics.notify(ctl, ${DONE});
  }
}
`;

/**
 * gradproof's SIMD GEMM on several threads over one shared wasm memory (the threaded tfjs
 * binary's): the calling thread takes share 0 of each product and `threads − 1` worker threads
 * the others (see gemmSimdModule's product). The workers are gradproof's own, beside XNNPACK's
 * pool, and poll briefly, then sleep, between jobs.
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

  /** Runs a whole product on `shares` threads (1 … threads) and returns when every share is done. */
  run(args: ProductArgs, shares = this.threads): void {
    if (!Number.isSafeInteger(shares) || shares < 1 || shares > this.threads) {
      throw new RangeError(`GemmThreads.run: shares must be an integer in 1..${this.threads}, got ${String(shares)}`);
    }
    if (shares <= 1) {
      this.product(...args, 0, 1);
      return;
    }
    if (this.workers.length < shares - 1) throw new Error('GemmThreads.run: the pool has been terminated');
    const ctl = this.control;
    ctl.set(args, ARGS);
    Atomics.store(ctl, SHARES, shares);
    Atomics.store(ctl, DONE, 0);
    Atomics.store(ctl, FAILED, 0);
    Atomics.add(ctl, GEN, 1);
    Atomics.notify(ctl, GEN);
    // The workers' shares are waited for even when this one traps, so no job overlaps the next.
    let trapped = false;
    try {
      this.product(...args, 0, shares);
    } catch {
      trapped = true;
    }
    const deadline = Date.now() + JOB_TIMEOUT_MS;
    let spins = 0;
    const shape = `[${args[6]}×${args[7]}]·[${args[7]}×${args[8]}]`;
    for (let done = Atomics.load(ctl, DONE); done < shares - 1; done = Atomics.load(ctl, DONE)) {
      if (++spins < SPINS) continue;
      if (Date.now() > deadline)
        throw new Error(`GemmThreads: a GEMM worker did not finish its share of an ${shape} product within ${JOB_TIMEOUT_MS} ms`);
      Atomics.wait(ctl, DONE, done, 100);
    }
    if (trapped || Atomics.load(ctl, FAILED) !== 0) {
      throw new Error(`GemmThreads: the ${shape} product trapped (arguments outside the wasm memory?): ${JSON.stringify(args)}`);
    }
  }

  /** Stops the workers (they are unref'd, so a process exits without this). */
  terminate(): void {
    for (const w of this.workers) void w.terminate();
    this.workers.length = 0;
  }
}
