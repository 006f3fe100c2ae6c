import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/DataError';
import { jsonNestingDepth } from '../../src/record/jsonNestingDepth';
import { parseJsonText } from '../../src/record/parseJsonText';
import { FC_SEED } from '../support/fcSeed';

/** The nesting depth of a parsed value, recursively (the scan must agree with it). */
const depthOf = (v: unknown): number =>
  v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v as object).map(depthOf)) : 0;

describe('jsonNestingDepth', () => {
  it('equals the depth of the parsed value for any JSON, brackets and escaped quotes in strings included', () => {
    const tricky = fc.constantFrom('[', ']', '{', '}', '"', '\\', '\\"', '\\\\', '"[', 'x');
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 3 }), fc.array(tricky).map((s) => s.join('')), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.array(tricky).map((s) => s.join('')), tie('v'), { maxKeys: 3 })),
    })).v;
    fc.assert(
      fc.property(value, fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : undefined);
        expect(jsonNestingDepth(text)).toBe(depthOf(JSON.parse(text)));
      }),
      { seed: FC_SEED, numRuns: 500 },
    );
  });

  it('stops as soon as the limit is passed, and counts nothing inside strings', () => {
    expect(jsonNestingDepth('['.repeat(1_000_000), 64)).toBe(65);
    expect(jsonNestingDepth(JSON.stringify(['[[[[', '{{{{\\"[[[']))).toBe(1);
    expect(jsonNestingDepth('"unterminated [[[[')).toBe(0);
  });
});

describe('parseJsonText', () => {
  it('refuses 100 000 levels of nesting with one DataError, before JSON.parse or a validator can walk them', () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const e = (() => {
      try {
        return parseJsonText(deep, 'readRunRecord', 'r.json');
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(DataError);
    expect((e as Error).message).toBe('readRunRecord: r.json nests [ and { more than 64 levels deep; not a document gradproof reads');
    expect(parseJsonText(`${'['.repeat(64)}${']'.repeat(64)}`, 'x', 'ok.json')).toBeDefined();
    expect(() => parseJsonText('{"a": [1,', 'x', 'torn.json')).toThrow(/^x: torn\.json is not JSON/);
  });
});
