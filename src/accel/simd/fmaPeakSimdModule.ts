import { I32, V128, i32Const, localGet as get, localSet as set, oneFunctionModule } from './wasmBytes.js';

// 12 chains: more than a core needs to hide its multiply-add latency, few enough for the 16
// vector registers of x86-64 without AVX-512 (V8 would spill more to the stack and time the stores).
export const FMA_PEAK_CHAINS = 12;

/**
 * A hand-assembled WebAssembly SIMD module that measures what the pure-wasm GEMM's inner step can
 * reach: peak(rounds) → f32 runs `rounds` rounds of FMA_PEAK_CHAINS independent f32x4 chains
 * acc = acc·x + y, with `f32x4.relaxed_madd` when `fused` (as the GEMM does where the engine fuses
 * it, see relaxedMadd) or a multiply and an add. Distinct starting values keep the engine from
 * merging the chains; the lanes' sum is returned so they are computed. Imports env.memory, which
 * it does not use, as every module of wasmBytes does.
 */
export function fmaPeakSimdModuleBytes(fused: boolean): Uint8Array {
  const simd = (...op: number[]) => [0xfd, ...op];
  const splat = simd(0x13);
  const [add, mul, madd] = [simd(0xe4, 0x01), simd(0xe6, 0x01), simd(0x85, 0x02)];
  const f32 = (v: number) => [0x43, ...new Uint8Array(new Float32Array([v]).buffer)];
  // Param 0 rounds; locals 1–12 the chains, 13 x, 14 y.
  const [ROUNDS, X, Y] = [0, FMA_PEAK_CHAINS + 1, FMA_PEAK_CHAINS + 2];
  const chains = Array.from({ length: FMA_PEAK_CHAINS }, (_, i) => i + 1);
  const step = (acc: number) => [...get(acc), ...get(X), ...(fused ? [...get(Y), ...madd] : [...mul, ...get(Y), ...add]), ...set(acc)];
  const body = [
    ...chains.flatMap((acc, i) => [...f32(1 + 0.01 * i), ...splat, ...set(acc)]),
    ...[...f32(0.9999999), ...splat, ...set(X), ...f32(1e-7), ...splat, ...set(Y)],
    // block { loop { if rounds == 0 break; the chains' step; rounds -= 1; continue } }
    ...[0x02, 0x40, 0x03, 0x40],
    ...[...get(ROUNDS), 0x45, 0x0d, 1], // i32.eqz, br_if 1
    ...chains.flatMap(step),
    ...[...get(ROUNDS), ...i32Const(1), 0x6b, ...set(ROUNDS)], // i32.sub
    ...[0x0c, 0, 0x0b, 0x0b], // br 0, end loop, end block
    ...get(chains[0]!),
    ...chains.slice(1).flatMap((acc) => [...get(acc), ...add]),
    ...simd(0x1f, 0), // f32x4.extract_lane 0
    0x0b,
  ];
  return oneFunctionModule([0x60, 1, I32, 1, 0x7d], [1, FMA_PEAK_CHAINS + 2, V128], body, 'peak', false);
}
