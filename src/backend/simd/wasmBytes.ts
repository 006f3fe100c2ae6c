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
