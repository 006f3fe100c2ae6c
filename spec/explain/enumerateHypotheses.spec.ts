import { describe, expect, it } from 'vitest';
import { enumerateHypotheses } from '../../src/explain/enumerateHypotheses';
import { DEFAULT_FAMILIES } from '../../src/explain/ExplainFamilies';
import { hypothesisId } from '../../src/explain/hypothesisId';
import { PROTOCOL_HYPOTHESIS } from '../../src/explain/Hypothesis';
import { parseFamilies } from '../../src/explain/parseFamilies';
import { UsageError } from '../../src/errors/UsageError';

const RUNS = ['q/a', 'q/b', 'q/c', 'q/d'];

describe('enumerateHypotheses', () => {
  it('crosses starts (fresh, 72 warm arrangements per optimiser) with the 8 metric definitions, the protocol first', () => {
    const hs = enumerateHypotheses(RUNS, DEFAULT_FAMILIES);
    expect(hs).toHaveLength((1 + 72 * 2) * 8);
    expect(hs[0]).toEqual(PROTOCOL_HYPOTHESIS);
    expect(new Set(hs.map(hypothesisId)).size).toBe(hs.length);
    expect(hs.filter((h) => h.start.kind === 'warm' && h.start.chains.length === 1 && h.start.chains[0]!.length === 4)).toHaveLength(24 * 2 * 8);
  });

  it('a dropout value doubles the hypotheses; without families only the protocol is left', () => {
    expect(enumerateHypotheses(RUNS, { ...DEFAULT_FAMILIES, dropout: [0.5] })).toHaveLength(2 * 145 * 8);
    expect(enumerateHypotheses(RUNS, parseFamilies('fresh'))).toEqual([PROTOCOL_HYPOTHESIS]);
  });

  it('names departures from the protocol only', () => {
    const h = enumerateHypotheses(['q/a', 'q/b'], { warm: ['carried'], metrics: true, dropout: [0.5] }).at(-1)!;
    expect(hypothesisId(h)).toBe('warm-carried[q/a>q/b] acc=eval loss=data-only grad=last-batch dropout=0.5');
  });
});

describe('parseFamilies', () => {
  it('reads the families and rejects what it does not know, echoing it', () => {
    expect(parseFamilies('warm,carried,metrics,dropout=0.5:0.3')).toEqual({ warm: ['new', 'carried'], metrics: true, dropout: [0.5, 0.3] });
    expect(() => parseFamilies('warm,lr')).toThrow(new UsageError('explain: --families takes warm, carried, metrics, dropout=p:q or fresh, got "lr"'));
    expect(() => parseFamilies('dropout=1.5')).toThrow(/dropout values must lie in \[0, 1\), got "dropout=1.5"/);
  });
});
