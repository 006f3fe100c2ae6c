import v8 from 'node:v8';
import { WASM } from './simdFunctionFor.js';
import { F32, oneFunctionModule } from './wasmBytes.js';

/** What this engine does with WebAssembly's relaxed-SIMD `f32x4.relaxed_madd` (a·b + c). */
export interface RelaxedMaddSupport {
  /** Whether modules using it compile here. */
  readonly available: boolean;
  /**
   * Whether it rounds once (a fused multiply-add, as V8 compiles it on x86-64 with FMA3 and on
   * arm64), rather than after the multiply and again after the add. The spec leaves the choice
   * to the engine; it is fixed for a given engine and CPU.
   */
  readonly fused: boolean;
  /** Whether gradproof set V8's `--experimental-wasm-relaxed-simd` to get it (Node 20's V8 ships it behind that flag). */
  readonly flagSet: boolean;
  /** Why it is not available, when it is not. */
  readonly reason?: string;
}

// madd(a, b, c): f32x4.relaxed_madd of the three splatted, lane 0. The module imports a memory
// it does not use, as every module functionsModule builds does.
const PROBE = oneFunctionModule(
  [0x60, 3, F32, F32, F32, 1, F32],
  [0],
  [...[0x20, 0, 0xfd, 0x13], ...[0x20, 1, 0xfd, 0x13], ...[0x20, 2, 0xfd, 0x13], ...[0xfd, 0x85, 0x02], ...[0xfd, 0x1f, 0], 0x0b],
  'madd',
  false,
);

let support: RelaxedMaddSupport | undefined;

/**
 * Whether `f32x4.relaxed_madd` compiles here and whether it fuses, probed once per process.
 * Where V8 has it only behind `--experimental-wasm-relaxed-simd` (Node 20), the flag is set at
 * run time, which V8 reads when it compiles a module; Node 21 and later (V8 11.4 and later) need no flag.
 */
export function relaxedMaddSupport(): RelaxedMaddSupport {
  if (support !== undefined) return support;
  let flagSet = false;
  let available = validates();
  if (!available) {
    try {
      v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
      flagSet = true;
    } catch {
      // Not a V8 that takes flags this way: then it is simply unavailable.
    }
    available = validates();
  }
  if (!available) {
    support = { available, fused: false, flagSet, reason: 'this WebAssembly engine does not compile relaxed SIMD' };
    return support;
  }
  const memory = new (WASM.Memory as unknown as new (d: { initial: number }) => object)({ initial: 1 });
  const madd = new WASM.Instance(new WASM.Module(PROBE), { env: { memory } }).exports.madd as (a: number, b: number, c: number) => number;
  // (1 + 2⁻¹²)² − (1 + 2⁻¹¹) is exactly 2⁻²⁴ when fused; rounding the product first to float32
  // (a tie, to even: 1 + 2⁻¹¹) leaves 0.
  const x = 1 + 2 ** -12;
  support = { available, fused: madd(x, x, -(1 + 2 ** -11)) === 2 ** -24, flagSet };
  return support;
}

function validates(): boolean {
  try {
    new WASM.Module(PROBE);
    return true;
  } catch {
    return false;
  }
}
