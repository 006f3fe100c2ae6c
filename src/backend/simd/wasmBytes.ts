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

/**
 * A whole module of one function that imports env.memory and exports the function as `exportName`.
 * `shared` declares that memory shared (the threads proposal's limits flag 3, with the 4 GiB
 * maximum the threaded tfjs binary uses), as importing the threaded backend's memory requires.
 */
export function oneFunctionModule(type: number[], locals: number[], body: number[], exportName: string, shared: boolean): Uint8Array {
  const code = [...locals, ...body];
  const limits = shared ? [0x03, 0x00, ...leb(65536)] : [0x00, 0x00];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, ...type]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, ...limits]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name(exportName), 0x00, 0]),
    ...section(10, [1, ...leb(code.length), ...code]),
  ]);
}
