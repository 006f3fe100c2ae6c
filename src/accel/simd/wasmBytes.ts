/** LEB128 (unsigned) encoding of n, as the WebAssembly binary format writes sizes and indices. */
export function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 encoding of n, as `i32.const` writes its immediate. */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

/** Value types. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const F64 = 0x7c;
export const V128 = 0x7b;

export const localGet = (i: number): number[] => [0x20, i];
export const localSet = (i: number): number[] => [0x21, i];
export const localTee = (i: number): number[] => [0x22, i];
export const i32Const = (n: number): number[] => [0x41, ...sleb(n)];

/**
 * `block { loop { if (counter >= limit) break; ...body; counter += step; continue } }` over i32
 * locals, unsigned comparison.
 */
export function forLoop(counter: number, limit: number[], step: number, body: number[]): number[] {
  return [
    ...[0x02, 0x40, 0x03, 0x40],
    ...localGet(counter),
    ...limit,
    ...[0x4f, 0x0d, 1], // i32.ge_u; br_if out
    ...body,
    ...localGet(counter),
    ...i32Const(step),
    0x6a, // i32.add
    ...localSet(counter),
    ...[0x0c, 0, 0x0b, 0x0b], // br loop; end; end
  ];
}

/** A length-prefixed name. */
export function name(s: string): number[] {
  return [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
}

/** A section: id, byte length, content. */
export function section(id: number, content: number[]): number[] {
  return [id, ...leb(content.length), ...content];
}

/** One function of a module: its type (0x60 …), local declarations, body and export name. */
export interface WasmFunction {
  readonly type: number[];
  readonly locals: number[];
  readonly body: number[];
  readonly name: string;
}

/**
 * A whole module that imports env.memory and exports each function by its name (function i
 * has type i, so functions may call each other by index). `shared` declares that memory shared
 * (the threads proposal's limits flag 3, with the 4 GiB maximum the threaded tfjs binary uses),
 * as importing the threaded backend's memory requires.
 */
export function functionsModule(fns: readonly WasmFunction[], shared: boolean): Uint8Array {
  const limits = shared ? [0x03, 0x00, ...leb(65536)] : [0x00, 0x00];
  const codes = fns.flatMap((f) => {
    const code = [...f.locals, ...f.body];
    return [...leb(code.length), ...code];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [fns.length, ...fns.flatMap((f) => f.type)]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, ...limits]),
    ...section(3, [fns.length, ...fns.map((_, i) => i)]),
    ...section(7, [fns.length, ...fns.flatMap((f, i) => [...name(f.name), 0x00, i])]),
    ...section(10, [fns.length, ...codes]),
  ]);
}

/** A whole module of one function, exported as `exportName` (see functionsModule). */
export function oneFunctionModule(type: number[], locals: number[], body: number[], exportName: string, shared: boolean): Uint8Array {
  return functionsModule([{ type, locals, body, name: exportName }], shared);
}

/** v128.load and v128.store with a byte offset immediate (alignment hint 16). */
export const v128Load = (offset = 0): number[] => [0xfd, 0x00, 0x04, ...leb(offset)];
export const v128Store = (offset = 0): number[] => [0xfd, 0x0b, 0x04, ...leb(offset)];

/** i8x16.shuffle of the two vectors on the stack, by 32-bit lane (0–3 the first, 4–7 the second). */
export function laneShuffle(...lanes: readonly number[]): number[] {
  return [0xfd, 0x0d, ...lanes.flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3])];
}

/**
 * A 4×4 float32 block transposed in registers: row r loaded from the address `rowAddress(r)`
 * pushes, into `rows[r]`; eight shuffles through `temps`; then `store(t, column)` for each
 * column t, where `column` pushes that column as a vector. Moves bits only.
 */
export function transpose4x4(
  rowAddress: (r: number) => number[],
  store: (t: number, column: number[]) => number[],
  rows: readonly [number, number, number, number],
  temps: readonly [number, number, number, number],
): number[] {
  const [r0, r1, r2, r3] = rows;
  const [t0, t1, t2, t3] = temps;
  const columns: [number, number, number[]][] = [
    [t0, t2, [0, 1, 4, 5]],
    [t0, t2, [2, 3, 6, 7]],
    [t1, t3, [0, 1, 4, 5]],
    [t1, t3, [2, 3, 6, 7]],
  ];
  return [
    ...rows.flatMap((v, r) => [...rowAddress(r), ...v128Load(), ...localSet(v)]),
    ...[...localGet(r0), ...localGet(r1), ...laneShuffle(0, 4, 1, 5), ...localSet(t0)],
    ...[...localGet(r0), ...localGet(r1), ...laneShuffle(2, 6, 3, 7), ...localSet(t1)],
    ...[...localGet(r2), ...localGet(r3), ...laneShuffle(0, 4, 1, 5), ...localSet(t2)],
    ...[...localGet(r2), ...localGet(r3), ...laneShuffle(2, 6, 3, 7), ...localSet(t3)],
    ...columns.flatMap(([x, y, lanes], t) => store(t, [...localGet(x), ...localGet(y), ...laneShuffle(...lanes)])),
  ];
}
