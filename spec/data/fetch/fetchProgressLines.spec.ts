import { describe, expect, it } from 'vitest';
import { fetchProgressLines } from '../../../src/data/fetch/fetchProgressLines';

describe('fetchProgressLines', () => {
  it('writes the first report, then none until the interval has passed, and always the last', () => {
    const lines: string[] = [];
    const report = fetchProgressLines('gradproof data fetch', (l) => lines.push(l), Infinity);
    report(2 ** 20, 4 * 2 ** 20);
    report(2 * 2 ** 20, 4 * 2 ** 20);
    report(4 * 2 ** 20, 4 * 2 ** 20);
    expect(lines).toEqual(['gradproof data fetch: 1.0 MiB (25.0%)', 'gradproof data fetch: 4.0 MiB (100.0%)']);
  });

  it('leaves the percentage out when the total is unknown', () => {
    const lines: string[] = [];
    fetchProgressLines('x', (l) => lines.push(l), 0)(3 * 2 ** 19, undefined);
    expect(lines).toEqual(['x: 1.5 MiB']);
  });
});
