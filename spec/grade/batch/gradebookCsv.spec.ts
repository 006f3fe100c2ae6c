import { describe, expect, it } from 'vitest';
import { gradebookCsv } from '../../../src/grade/batch/gradebookCsv';
import { parseCsv } from './classFixture';

describe('gradebookCsv', () => {
  it('writes a header with one column per rubric test, then one row per student; untrusted cells guarded', () => {
    const csv = gradebookCsv(
      ['Code: L1, values', 'Logs'],
      [
        { id: 'alice', score: 10, max: 20, tests: [10, undefined], status: 'ok', note: 'code a.mjs; no logs' },
        { id: 'bob', score: 0, max: 20, tests: [0, 0], status: 'failed-to-grade', note: '=cmd|"/c calc"!A1' },
      ],
    );
    expect(csv.split('\r\n')[0]).toBe('id,score,max,"Code: L1, values",Logs,status,note');
    expect(parseCsv(csv)).toEqual([
      ['id', 'score', 'max', 'Code: L1, values', 'Logs', 'status', 'note'],
      ['alice', '10', '20', '10', '', 'ok', 'code a.mjs; no logs'],
      ['bob', '0', '20', '0', '0', 'failed-to-grade', `'=cmd|"/c calc"!A1`],
    ]);
  });

  it('an empty class is a header alone', () => {
    expect(gradebookCsv(['t'], [])).toBe('id,score,max,t,status,note\r\n');
  });
});
