import type { MatcherResult as ExpectationResult, MatcherState } from 'vitest';
import { describeValue } from '../errors/describeValue.js';
import { UsageError } from '../errors/UsageError.js';
import type { RunRecord } from '../record/RunRecord.js';

type Epoch = RunRecord['epochs'][number];

/** The first difference between two runs' epochs (timings ignored), or undefined when bit-identical. */
function firstDifference(a: readonly Epoch[], b: readonly Epoch[]): string | undefined {
  if (a.length !== b.length) return `epoch counts differ: ${a.length} vs ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    const { seconds: _x, ...ea } = a[i]!;
    const { seconds: _y, ...eb } = b[i]!;
    const fa = JSON.stringify(ea);
    const fb = JSON.stringify(eb);
    if (fa !== fb) {
      const key = (Object.keys(ea) as (keyof typeof ea)[]).find((k) => JSON.stringify(ea[k]) !== JSON.stringify(eb[k]));
      return `epoch ${ea.epoch}, ${String(key)}: ${JSON.stringify(key && ea[key])} vs ${JSON.stringify(key && eb[key])}`;
    }
  }
  return undefined;
}

type Sync = Exclude<ExpectationResult, Promise<unknown>>;

function judge(records: readonly RunRecord[]): Sync {
  const diff = records.slice(1).map((r) => firstDifference(records[0]!.epochs, r.epochs)).find((d) => d !== undefined);
  const who = `${records[0]!.experiment} seed ${records[0]!.seed} on ${records[0]!.backend.name}`;
  return {
    pass: diff === undefined,
    message: () => (diff === undefined ? `expected runs of ${who} to differ, but their epochs are bit-identical` : `expected bit-identical epochs for ${who}; first difference: ${diff}`),
  };
}

/**
 * `expect([recordA, recordB, …]).toBeReproducible()` compares finished runs;
 * `await expect(() => runExperiment(options)).toBeReproducible()` runs it twice. Passes when every
 * epoch's figures are bit-identical (timings ignored).
 */
export function toBeReproducible(this: MatcherState, received: unknown): ExpectationResult {
  const api = 'toBeReproducible';
  const isRecord = (r: unknown): r is RunRecord => typeof r === 'object' && r !== null && Array.isArray((r as RunRecord).epochs);
  if (Array.isArray(received)) {
    if (received.length < 2 || !received.every(isRecord)) throw new UsageError(`${api}: expected at least two run records, got ${received.length} item(s)`);
    return judge(received);
  }
  if (typeof received === 'function') {
    return (async () => {
      const runs = [await received(), await received()];
      if (!runs.every(isRecord)) throw new UsageError(`${api}: the function must return a run record`);
      return judge(runs);
    })();
  }
  throw new UsageError(`${api}: expected an array of run records or a function that returns one, got ${describeValue(received)}`);
}
