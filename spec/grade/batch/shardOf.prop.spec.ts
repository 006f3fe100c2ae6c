import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors/UsageError';
import { byCodePoint } from '../../../src/grade/batch/byCodePoint';
import { parseShard } from '../../../src/grade/batch/parseShard';
import { shardOf } from '../../../src/grade/batch/shardOf';
import { FC_SEED } from '../../support/fcSeed';

// Ids of any code points (astral ones included, where code-unit order and code-point order differ).
const ids = fc.uniqueArray(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), { maxLength: 40 });
const shards = fc.integer({ min: 1, max: 12 });

describe('shardOf', () => {
  it('puts every student in exactly one shard, shards differing in size by at most one', () => {
    fc.assert(
      fc.property(ids, shards, (list, n) => {
        const parts = Array.from({ length: n }, (_, k) => shardOf(list, { k: k + 1, n }));
        expect(parts.flat().sort(byCodePoint)).toEqual([...list].sort(byCodePoint));
        const sizes = parts.map((p) => p.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { seed: FC_SEED, numRuns: 200 },
    );
  });

  it('depends only on the set of ids: any order in, the same shards out', () => {
    fc.assert(
      fc.property(ids, shards, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (list, n, salt) => {
        const shuffled = [...list].sort((a, b) => ((a.length * 31 + salt) % 7) - ((b.length * 31 + salt) % 7) || (a < b ? 1 : -1));
        for (let k = 1; k <= n; k++) expect(shardOf(shuffled, { k, n })).toEqual(shardOf(list, { k, n }));
      }),
      { seed: FC_SEED, numRuns: 200 },
    );
  });

  it('is round-robin over code-point order: student i goes to shard (i mod n) + 1', () => {
    const list = ['d', 'a', '\u{1F600}', '\uFF5E', 'c', 'b'];
    // Code-unit order would put the astral U+1F600 (surrogates D83D…) before U+FF5E.
    expect([...list].sort(byCodePoint)).toEqual(['a', 'b', 'c', 'd', '\uFF5E', '\u{1F600}']);
    expect(shardOf(list, { k: 1, n: 4 })).toEqual(['a', '\uFF5E']);
    expect(shardOf(list, { k: 2, n: 4 })).toEqual(['b', '\u{1F600}']);
    expect(shardOf(list, { k: 4, n: 4 })).toEqual(['d']);
    expect(shardOf(list, { k: 1, n: 1 })).toEqual([...list].sort(byCodePoint));
  });

  it('refuses a shard outside 1..n', () => {
    expect(() => shardOf(['a'], { k: 0, n: 2 })).toThrow(UsageError);
    expect(() => shardOf(['a'], { k: 3, n: 2 })).toThrow(/shardOf: shard must have integers 1 <= k <= n, got \{"k":3,"n":2\}/);
  });
});

describe('byCodePoint', () => {
  it('agrees with comparing arrays of code points', () => {
    const points = (s: string) => [...s].map((c) => c.codePointAt(0)!);
    const reference = (a: string, b: string) => {
      const [x, y] = [points(a), points(b)];
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
      return Math.sign(x.length - y.length);
    };
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(byCodePoint(a, b)).toBe(reference(a, b));
      }),
      { seed: FC_SEED, numRuns: 500 },
    );
  });
});

describe('parseShard', () => {
  it('reads k/n', () => expect(parseShard('2/3')).toEqual({ k: 2, n: 3 }));
  it.each(['0/3', '4/3', '1/0', 'a/b', '1', '1/2/3', '-1/2', '1.5/2', '1/10001'])('refuses %j, echoing it', (text) => {
    expect(() => parseShard(text)).toThrow(`gradproof grade: --shard must be k/n with 1 <= k <= n <= 10000, got ${JSON.stringify(text)}`);
  });
});
