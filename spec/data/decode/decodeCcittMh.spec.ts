import { describe, expect, it } from 'vitest';
import { CCITT_CODES, CCITT_EOL } from '../../../src/data/decode/ccittCodes';
import { decodeCcittMh } from '../../../src/data/decode/decodeCcittMh';
import { bitsToBytes, packRows } from './buildImages';

// Code words below are typed from ITU-T T.4 tables 2 and 3, not taken from ccittCodes.ts.
const row = (bits: string): Uint8Array => bitsToBytes(bits);
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const runs = (...lengths: number[]): number[] => lengths.flatMap((n, i) => Array<number>(n).fill(i % 2));

describe('decodeCcittMh', () => {
  it('decodes byte-aligned rows of terminating codes, starting white, 1 = black', () => {
    const strip = concat(
      row('1000 11 1000'), // W3 B2 W3
      row('00110101 000101'), // W0 B8
      row('10011'), // W8
    );
    const out = decodeCcittMh(strip, 8, 3);
    expect(Array.from(out)).toEqual(Array.from(packRows([runs(3, 2, 3), runs(0, 8), runs(8)])));
  });

  it('adds make-up and terminating codes of both colours', () => {
    const narrow = row('11011 1110 000001101000'); // W64 + W6, B30
    expect(Array.from(decodeCcittMh(narrow, 100, 1))).toEqual(Array.from(packRows([runs(70, 30)])));
    const wide = row('00110101 000011001000 11 11011 1110'); // W0, B128 + B2, W64 + W6
    expect(Array.from(decodeCcittMh(wide, 200, 1))).toEqual(Array.from(packRows([runs(0, 130, 70)])));
    const extended = row('00000001000 00110101 010'); // W1792 + W0, B1
    expect(Array.from(decodeCcittMh(extended, 1793, 1))).toEqual(Array.from(packRows([runs(1792, 1)])));
  });

  it('reports invalid code words, rows overrunning the width and data ending early', () => {
    expect(() => decodeCcittMh(row('0000000000000 0'), 8, 1)).toThrow(/invalid code word at bit 0 in row 0/);
    expect(() => decodeCcittMh(row('10011'), 4, 1)).toThrow(/row 0 runs to 8, past width 4/);
    expect(() => decodeCcittMh(row('1000'), 8, 1)).toThrow(/data ends inside row 0/);
    expect(() => decodeCcittMh(row('10011'), 8, 2)).toThrow(/data ends inside row 1/);
  });
});

describe('CCITT_CODES', () => {
  const tables = {
    white: [...CCITT_CODES.whiteTerminating, ...CCITT_CODES.whiteMakeup, ...CCITT_CODES.extendedMakeup],
    black: [...CCITT_CODES.blackTerminating, ...CCITT_CODES.blackMakeup, ...CCITT_CODES.extendedMakeup],
  };

  it('has 64 terminating, 27 make-up and 13 extended make-up codes per colour', () => {
    expect([CCITT_CODES.whiteTerminating.length, CCITT_CODES.whiteMakeup.length]).toEqual([64, 27]);
    expect([CCITT_CODES.blackTerminating.length, CCITT_CODES.blackMakeup.length]).toEqual([64, 27]);
    expect(CCITT_CODES.extendedMakeup.length).toBe(13);
  });

  for (const [colour, codes] of Object.entries(tables)) {
    it(`${colour} codes (with EOL) are prefix-free, 2 to 13 bits of 0/1`, () => {
      const all = [...codes, CCITT_EOL];
      expect(all.filter((c) => !/^[01]{2,13}$/.test(c))).toEqual([]);
      const clashes = all.flatMap((a) => all.filter((b) => a !== b && b.startsWith(a)).map((b) => `${a} < ${b}`));
      expect(clashes).toEqual([]);
      expect(new Set(all).size).toBe(all.length);
    });
  }

  it('spot-checks code words against T.4', () => {
    expect(CCITT_CODES.whiteTerminating[0]).toBe('00110101');
    expect(CCITT_CODES.whiteTerminating[63]).toBe('00110100');
    expect(CCITT_CODES.blackTerminating[0]).toBe('0000110111');
    expect(CCITT_CODES.blackTerminating[2]).toBe('11');
    expect(CCITT_CODES.whiteMakeup[25]).toBe('011000'); // 1664
    expect(CCITT_CODES.blackMakeup[26]).toBe('0000001100101'); // 1728
    expect(CCITT_CODES.extendedMakeup[12]).toBe('000000011111'); // 2560
  });
});
