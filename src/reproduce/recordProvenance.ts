import type { RunRecord } from '../record/RunRecord.js';

/** How many records share one value of a field. */
export interface ValueCount {
  readonly value: string;
  readonly records: number;
}

/**
 * Which gradproof versions and which backends made a set of run records, with how many records
 * each, most first (ties by value). Records merged from several machines may mix them; the card
 * pools every record, so whoever reads it should know.
 */
export function recordProvenance(records: readonly RunRecord[]): { gradproof: ValueCount[]; backends: ValueCount[] } {
  return {
    gradproof: countBy(records, (r) => r.versions.gradproof),
    backends: countBy(records, (r) => r.backend.name),
  };
}

function countBy(records: readonly RunRecord[], of: (r: RunRecord) => string): ValueCount[] {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(of(r), (counts.get(of(r)) ?? 0) + 1);
  return [...counts]
    .map(([value, n]) => ({ value, records: n }))
    .sort((a, b) => b.records - a.records || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
