/**
 * `unpackBits(data, expected)`: decodes PackBits run-length data (TIFF compression 32773,
 * Apple's scheme). A header byte n in 0…127 copies the next n + 1 bytes literally; n in
 * −127…−1 repeats the next byte 1 − n times; −128 is a no-op. Decoding stops once `expected`
 * bytes are produced. Throws `Error` with the reason when the data ends early.
 */
export function unpackBits(data: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let i = 0;
  let o = 0;
  while (o < expected) {
    if (i >= data.length) throw new Error(`PackBits data ends after ${o} of ${expected} bytes`);
    const n = (data[i++]! << 24) >> 24; // as a signed byte
    if (n >= 0) {
      if (i + n + 1 > data.length) throw new Error(`PackBits literal run of ${n + 1} runs past the data`);
      // Writers may overshoot the row by a byte; keep what fits.
      const count = Math.min(n + 1, expected - o);
      out.set(data.subarray(i, i + count), o);
      o += count;
      i += n + 1;
    } else if (n !== -128) {
      if (i >= data.length) throw new Error('PackBits repeat run lacks its byte');
      const count = Math.min(1 - n, expected - o);
      out.fill(data[i++]!, o, o + count);
      o += count;
    }
  }
  return out;
}
