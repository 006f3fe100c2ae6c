import type { MatcherResult as ExpectationResult, MatcherState } from 'vitest';
import { buildReportCard } from '../card/buildReportCard.js';
import { UsageError } from '../errors/UsageError.js';
import { DEFAULT_GOLDEN_DIR, loadGoldenDirSync } from '../golden/loadGoldenDir.js';
import type { RunRecord } from '../record/RunRecord.js';
import { validateRunRecord } from '../record/runRecordIO.js';

/** Options of `toMatchGolden`: another golden folder than the shipped one. */
export interface MatchGoldenOptions {
  readonly goldenDir?: string;
}

/**
 * `expect(recordOrRecords).toMatchGolden(id)`: passes when the report-card entry `id` (a figure
 * such as `gurmukhi/l2-dropout/epoch-10/testAcc` or a claim id) is judged `reproduced` on the
 * given run records. An unknown id, or records that are not run records, is a UsageError.
 */
export function toMatchGolden(this: MatcherState, received: unknown, id: string, options: MatchGoldenOptions = {}): ExpectationResult {
  const api = 'toMatchGolden';
  if (typeof id !== 'string') throw new UsageError(`${api}: expected a golden entry id, got ${typeof id}`);
  const list = Array.isArray(received) ? received : [received];
  if (list.length === 0) throw new UsageError(`${api}: expected a run record or an array of them, got an empty array`);
  let records: RunRecord[];
  try {
    records = list.map((r) => validateRunRecord(r));
  } catch (e) {
    throw new UsageError(`${api}: expected run records; ${(e as Error).message}`);
  }
  const goldens = loadGoldenDirSync(options.goldenDir ?? DEFAULT_GOLDEN_DIR);
  const entry = buildReportCard(goldens, records).find((e) => e.id === id);
  if (!entry) throw new UsageError(`${api}: no golden entry ${JSON.stringify(id)} (ids look like gurmukhi/l2-dropout/epoch-10/testAcc)`);
  return {
    pass: entry.verdict === 'reproduced',
    message: () => `expected ${id} ${entry.verdict === 'reproduced' ? 'NOT ' : ''}to be reproduced; it is ${entry.verdict}: ${entry.reason}`,
    actual: entry.measured?.mean ?? null,
    expected: entry.band ? `[${entry.band.lo}, ${entry.band.hi}]` : entry.reported,
  };
}
