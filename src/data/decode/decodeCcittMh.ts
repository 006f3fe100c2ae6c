import { CCITT_CODES } from './ccittCodes.js';

/** Code word (keyed `length << 16 | bits`) → run length, one map per colour. */
type RunTable = ReadonlyMap<number, number>;

let tables: { white: RunTable; black: RunTable } | undefined;

function runTables(): { white: RunTable; black: RunTable } {
  if (tables !== undefined) return tables;
  const build = (term: readonly string[], makeup: readonly string[]): RunTable => {
    const map = new Map<number, number>();
    const add = (code: string, run: number): void => {
      map.set((code.length << 16) | parseInt(code, 2), run);
    };
    term.forEach((code, run) => add(code, run));
    makeup.forEach((code, i) => add(code, 64 * (i + 1)));
    CCITT_CODES.extendedMakeup.forEach((code, i) => add(code, 1792 + 64 * i));
    return map;
  };
  tables = {
    white: build(CCITT_CODES.whiteTerminating, CCITT_CODES.whiteMakeup),
    black: build(CCITT_CODES.blackTerminating, CCITT_CODES.blackMakeup),
  };
  return tables;
}

/** Longest T.4 run-length code word, in bits. */
const MAX_CODE_BITS = 13;

/**
 * `decodeCcittMh(data, width, rows)`: decodes a strip compressed with CCITT modified Huffman
 * (TIFF compression 2): each row is a 1-D T.4 coding with no EOL, starting with a white run
 * (possibly of length 0), colours alternating, and begins on a byte boundary.
 * Returns packed rows of `ceil(width / 8)` bytes, MSB first, where 1 marks a pixel of a
 * black run and 0 of a white run, as libtiff does; PhotometricInterpretation then says
 * which of the two is displayed dark. Throws `Error` with the reason (the caller adds the path).
 */
export function decodeCcittMh(data: Uint8Array, width: number, rows: number): Uint8Array {
  const { white, black } = runTables();
  const stride = Math.ceil(width / 8);
  const out = new Uint8Array(stride * rows);
  let bitPos = 0;
  const totalBits = data.length * 8;

  const readRun = (table: RunTable, row: number): number => {
    let code = 0;
    for (let len = 1; len <= MAX_CODE_BITS; len++) {
      if (bitPos >= totalBits) throw new Error(`data ends inside row ${row}`);
      code = (code << 1) | ((data[bitPos >> 3]! >> (7 - (bitPos & 7))) & 1);
      bitPos++;
      const run = table.get((len << 16) | code);
      if (run !== undefined) return run;
    }
    throw new Error(`invalid code word at bit ${bitPos - MAX_CODE_BITS} in row ${row}`);
  };

  for (let row = 0; row < rows; row++) {
    let x = 0;
    let isBlack = false;
    while (x < width) {
      const table = isBlack ? black : white;
      let run = 0;
      let part: number;
      do {
        part = readRun(table, row);
        run += part;
      } while (part >= 64); // make-up codes are followed by a terminating code
      if (x + run > width) throw new Error(`row ${row} runs to ${x + run}, past width ${width}`);
      if (isBlack) fillOnes(out, row * stride, x, run);
      x += run;
      isBlack = !isBlack;
    }
    bitPos = (bitPos + 7) & ~7;
  }
  return out;
}

function fillOnes(out: Uint8Array, rowStart: number, from: number, count: number): void {
  for (let x = from; x < from + count; x++) out[rowStart + (x >> 3)]! |= 0x80 >> (x & 7);
}
