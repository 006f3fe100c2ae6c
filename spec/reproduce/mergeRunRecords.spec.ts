import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/DataError';
import { mergeRunRecords } from '../../src/reproduce/mergeRunRecords';
import { fakeRecord } from '../support/fakeRecord';

const rec = (experiment: string, seed: number, testAcc = 0.5) => fakeRecord(experiment, seed, [{ testAcc }]);

describe('mergeRunRecords', () => {
  it('keeps one record per job, the first file given, and counts copies that differ only in timing as duplicates', () => {
    const a = rec('gurmukhi/dropout', 0);
    const later = { ...rec('gurmukhi/dropout', 0), timing: { ...a.timing, startedAt: '2027-01-01T00:00:00.000Z', seconds: 9 } };
    later.epochs = later.epochs.map((e) => ({ ...e, seconds: 7 }));
    const b = rec('gurmukhi/dropout', 1);
    const merged = mergeRunRecords([
      { file: 'S1/runs/gurmukhi-dropout/seed-0.json', record: a },
      { file: 'S2/runs/gurmukhi-dropout/seed-1.json', record: b },
      { file: 'U/runs/gurmukhi-dropout/seed-0.json', record: later },
    ]);
    expect(merged.records.map((f) => f.file)).toEqual(['S1/runs/gurmukhi-dropout/seed-0.json', 'S2/runs/gurmukhi-dropout/seed-1.json']);
    expect(merged.duplicates.map((f) => f.file)).toEqual(['U/runs/gurmukhi-dropout/seed-0.json']);
  });

  it('refuses one job with two different results, naming both files and the first field that differs', () => {
    const files = [
      { file: 'S1/runs/gurmukhi-dropout/seed-0.json', record: rec('gurmukhi/dropout', 0, 0.5) },
      { file: 'S2/runs/gurmukhi-dropout/seed-0.json', record: rec('gurmukhi/dropout', 0, 0.75) },
    ];
    expect(() => mergeRunRecords(files)).toThrow(DataError);
    expect(() => mergeRunRecords(files)).toThrow(
      'results: S1/runs/gurmukhi-dropout/seed-0.json and S2/runs/gurmukhi-dropout/seed-0.json both hold gurmukhi/dropout seed 0 (fresh) ' +
        'but differ at epochs[0].testAcc (0.5 vs 0.75)',
    );
  });

  it('tells apart the protocols and the chains a run belongs to: same experiment and seed, different jobs', () => {
    const fresh = rec('gurmukhi/dropout', 0);
    const chained = (order: string[], position: number) => ({ ...rec('gurmukhi/dropout', 0, 0.1 * (position + 1)), protocol: 'chained' as const, chain: { order, position } });
    const merged = mergeRunRecords([
      { file: 'f', record: fresh },
      { file: 'c1', record: chained(['gurmukhi/dropout', 'gurmukhi/l2-dropout'], 0) },
      { file: 'c2', record: chained(['gurmukhi/l2-dropout', 'gurmukhi/dropout'], 1) },
      { file: 'c3', record: chained(['gurmukhi/dropout', 'gurmukhi/l2-dropout', 'gurmukhi/dropout'], 2) },
    ]);
    expect(merged.records).toHaveLength(4);
    expect(merged.duplicates).toEqual([]);
  });
});
