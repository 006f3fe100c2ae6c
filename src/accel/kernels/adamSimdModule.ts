import { F32, I32, V128, leb, localGet as get, localSet as set, oneFunctionModule } from '../simd/wasmBytes.js';

/**
 * A hand-assembled WebAssembly SIMD module for the pure-wasm Adam step, run on the tfjs wasm
 * backend's own memory (imported as env.memory), four floats at a time:
 *   adam(p, g, m, v, pOut, mOut, vOut, quads, β1, 1−β1, β2, 1−β2, bc2Sqrt, ε, stepSize)
 * Pointers are byte offsets; `quads` = elements / 4 (the caller does the tail). Every f32x4 op
 * is correctly rounded and they run in adamUpdate's order, so results are bit-identical to it.
 * Written as bytes because the project has no wasm toolchain; the layout follows the
 * WebAssembly 2.0 binary format (SIMD opcodes are 0xfd plus a LEB128 index). `shared`: see
 * oneFunctionModule.
 */
export function adamSimdModuleBytes(shared = false): Uint8Array {
  const simd = (op: number) => [0xfd, ...leb(op)];
  const load = [...simd(0x00), 0x04, 0x00];
  const store = [...simd(0x0b), 0x04, 0x00];
  const [splat, sqrt, add, sub, mul, div] = [0x13, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7].map(simd) as number[][];
  // Params 0–6 pointers, 7 quads, 8–14 scalars; locals 15 offset, 16 end, 17–23 splats, 24 g, 25 m1, 26 v1.
  const [P, G, M, V, PO, MO, VO, QUADS] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [OFF, END, B1, C1, B2, C2, BC2, EPS, STEP, GI, M1, V1] = [15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26];
  const at = (base: number) => [...get(base), ...get(OFF), 0x6a];
  const body = [
    ...get(QUADS),
    0x41,
    4,
    0x74,
    ...set(END),
    ...[B1, C1, B2, C2, BC2, EPS, STEP].flatMap((local, i) => [...get(8 + i), ...splat!, ...set(local)]),
    0x02,
    0x40,
    0x03,
    0x40,
    ...get(OFF),
    ...get(END),
    0x4f,
    0x0d,
    1,
    ...at(G),
    ...load,
    ...set(GI),
    ...at(M),
    ...load,
    ...get(B1),
    ...mul!,
    ...get(GI),
    ...get(C1),
    ...mul!,
    ...add!,
    ...set(M1),
    ...at(V),
    ...load,
    ...get(B2),
    ...mul!,
    ...get(GI),
    ...get(GI),
    ...mul!,
    ...get(C2),
    ...mul!,
    ...add!,
    ...set(V1),
    ...at(MO),
    ...get(M1),
    ...store,
    ...at(VO),
    ...get(V1),
    ...store,
    ...at(PO),
    ...at(P),
    ...load,
    ...get(M1),
    ...get(V1),
    ...sqrt!,
    ...get(BC2),
    ...div!,
    ...get(EPS),
    ...add!,
    ...div!,
    ...get(STEP),
    ...mul!,
    ...sub!,
    ...store,
    ...get(OFF),
    0x41,
    16,
    0x6a,
    ...set(OFF),
    0x0c,
    0,
    0x0b,
    0x0b,
    0x0b,
  ];
  const locals = [2, 2, I32, 10, V128];
  const type = [0x60, 15, ...Array<number>(8).fill(I32), ...Array<number>(7).fill(F32), 0];
  return oneFunctionModule(type, locals, body, 'adam', shared);
}
