import { describe, expect, it } from 'vitest';
import type { CardEntry } from '../../src/card/CardEntry';
import { notableMisses } from '../../src/card/notableMisses';

const entry = (id: string, mean: number, band: [number, number], extra: Partial<CardEntry> = {}): CardEntry => ({
  id,
  section: 'Q2',
  reported: (band[0] + band[1]) / 2,
  measured: { values: [mean], mean, sd: 0, n: 1, ci: [mean, mean] },
  band: { lo: band[0], hi: band[1], reason: 'spec' },
  verdict: mean >= band[0] && mean <= band[1] ? 'reproduced' : 'not-reproduced',
  reason: 'spec',
  gating: false,
  missing: false,
  ...extra,
});

describe('notableMisses', () => {
  it('names failed gates and claims first, then each experiment by its farthest misses, in card order', () => {
    const card = [
      entry('gurmukhi/a/epoch-1/testAcc', 0.5, [0.9, 1]), // 4 widths off
      entry('gurmukhi/a/epoch-2/testAcc', 0.1, [0.9, 1]), // 8 widths off: a's farthest
      entry('gurmukhi/a/epoch-3/testAcc', 0.85, [0.9, 1]),
      entry('gurmukhi/a/epoch-4/testAcc', 0.95, [0.9, 1]), // reproduced: never named
      entry('gurmukhi/b/epoch-1/testAcc', 0.8, [0.9, 1], { gating: true }),
      entry('gurmukhi/b/epoch-2/trainLoss', 3, [0, 1]),
      entry('gurmukhi/claim/b-beats-a', 0, [0, 0], { reported: 'b beats a', measured: null, band: null, verdict: 'not-reproduced' }),
      entry('cifar/x/epoch-1/testAcc', 0, [0.9, 1], { missing: true, verdict: 'inconclusive' }), // not measured: never named
    ];
    // Four: the gate, the claim, then one turn (each experiment's farthest).
    expect(notableMisses(card, 4, 3).map((p) => p.entry.id)).toEqual([
      'gurmukhi/a/epoch-2/testAcc',
      'gurmukhi/b/epoch-1/testAcc',
      'gurmukhi/b/epoch-2/trainLoss',
      'gurmukhi/claim/b-beats-a',
    ]);
    // Five: a second turn adds a's next farthest.
    const picked = notableMisses(card, 5, 3);
    expect(picked.map((p) => p.entry.id)).toEqual([
      'gurmukhi/a/epoch-1/testAcc',
      'gurmukhi/a/epoch-2/testAcc',
      'gurmukhi/b/epoch-1/testAcc',
      'gurmukhi/b/epoch-2/trainLoss',
      'gurmukhi/claim/b-beats-a',
    ]);
    // a's last named entry says how many of its misses go unnamed (epoch-3); gates and claims count for none.
    expect(picked.map((p) => p.others)).toEqual([0, 1, 0, 0, 0]);
  });

  it('takes at most perExperiment from one experiment and nothing when all is reproduced', () => {
    const card = Array.from({ length: 10 }, (_, i) => entry(`gurmukhi/a/epoch-${i + 1}/testAcc`, 0.1 * i, [0.95, 1]));
    const picked = notableMisses(card, 6, 2);
    expect(picked.map((p) => p.entry.id)).toEqual(['gurmukhi/a/epoch-1/testAcc', 'gurmukhi/a/epoch-2/testAcc']);
    expect(picked.at(-1)!.others).toBe(8);
    expect(notableMisses([entry('gurmukhi/a/epoch-1/testAcc', 0.97, [0.95, 1])])).toEqual([]);
  });
});
