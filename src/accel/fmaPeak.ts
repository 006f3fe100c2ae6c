import { accelState } from './accelState.js';
import type { FmaPeak } from './native/NativeAddon.js';
import { WASM } from './simd/simdFunctionFor.js';
import { fmaPeakSimdModuleBytes, FMA_PEAK_CHAINS } from './simd/fmaPeakSimdModule.js';
import { simdGemmDisabled, simdGemmFma } from './wasmKernels/simdMatMul.js';

// 10M rounds of 12 chains: 1.9 GFLOP at 256-bit width, 3.8 at 512, so each run lasts many timer
// ticks on any core (its time grows with the rounds, the peak does not).
const NATIVE_ROUNDS = 10_000_000;
// 2M rounds of 12 four-lane chains: 0.19 GFLOP a run at wasm's 128-bit width.
const WASM_ROUNDS = 2_000_000;

/** One thread's multiply-add throughput in registers, and how it was reached. */
export interface MeasuredPeak {
  readonly gflops: number;
  /** The instructions that reached it: `avx2`, `avx512`, `wasm simd128 fma` or `wasm simd128 mul+add`. */
  readonly vector: string;
}

/**
 * One thread's fused multiply-add throughput in registers, measured by the native addon while
 * it is in use (undefined otherwise): the ceiling of any float32 product on this core, for the
 * bench to set its GFLOP/s against.
 */
export function nativeFmaPeak(): MeasuredPeak | undefined {
  const peak: FmaPeak | undefined = accelState.native?.fmaPeak(NATIVE_ROUNDS);
  return peak !== undefined && peak.gflops > 0 ? peak : undefined;
}

/**
 * What one thread of the pure-wasm GEMM's inner step can reach here: 128-bit multiply-adds in
 * this engine's WebAssembly SIMD, fused where the GEMM fuses them (simdGemmFma), best of three
 * runs. Undefined where the engine has no WebAssembly SIMD.
 */
export function wasmFmaPeak(): MeasuredPeak | undefined {
  // XNNPACK, which multiplies when gradproof's GEMM is off, rounds after the multiply and the add.
  const fused = !simdGemmDisabled() && simdGemmFma();
  let peak: (rounds: number) => number;
  try {
    const memory = new (WASM.Memory as unknown as new (d: { initial: number }) => object)({ initial: 1 });
    const module = new WASM.Module(fmaPeakSimdModuleBytes(fused));
    peak = new WASM.Instance(module, { env: { memory } }).exports.peak as (rounds: number) => number;
  } catch {
    return undefined;
  }
  peak(1000); // compiled and warm before the timed runs
  let best = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    peak(WASM_ROUNDS);
    const seconds = (performance.now() - started) / 1000;
    if (seconds > 0) best = Math.max(best, (2 * 4 * FMA_PEAK_CHAINS * WASM_ROUNDS) / seconds / 1e9);
  }
  return { gflops: best, vector: fused ? 'wasm simd128 fma' : 'wasm simd128 mul+add' };
}
