import type { FailedRun } from './FailedRun.js';
import type { PlannedRun } from './planRuns.js';

/** Where the runs of one `reproduce` call stand. */
export interface ReproduceTally {
  /** Runs this call makes (runs already done are not counted). */
  readonly total: number;
  readonly finished: number;
  readonly failed: number;
  readonly elapsedSeconds: number;
  /** Seconds to go at the mean time per ended run so far. */
  readonly etaSeconds: number;
}

/**
 * What `reproduce` reports while its fresh runs go: the plan, each run's start, each finished
 * epoch its worker reports (the report-style line `gradproof run` prints, and how far the run
 * is), and each run's end, counted as finished or failed. A terminal front end draws a progress bar from these; without one,
 * `reproduceEventLine` turns each into a plain line.
 */
export type ReproduceEvent =
  | { readonly kind: 'planned'; readonly planned: number; readonly done: number; readonly todo: number; readonly jobs: number }
  | { readonly kind: 'started'; readonly run: PlannedRun }
  | { readonly kind: 'output'; readonly run: PlannedRun; readonly line: string; readonly epoch?: { readonly done: number; readonly of: number } }
  | { readonly kind: 'finished'; readonly run: PlannedRun; readonly tally: ReproduceTally }
  | { readonly kind: 'failed'; readonly run: PlannedRun; readonly failure: FailedRun; readonly tally: ReproduceTally };

/** The plain progress line(s) for an event, as `reproduce` logs them when given no `onEvent`. */
export function reproduceEventLine(e: ReproduceEvent): string {
  switch (e.kind) {
    case 'planned':
      return `reproduce: ${e.planned} run${e.planned === 1 ? '' : 's'} planned, ${e.done} already done, ${e.todo} to run, ${e.jobs} at a time`;
    case 'started':
      return `reproduce: start ${e.run.experiment} seed ${e.run.seed}`;
    case 'output':
      return `  ${e.line}`;
    case 'finished':
      return `reproduce: ${count(e.tally)} ${e.run.experiment} seed ${e.run.seed} done; ${timing(e.tally)}`;
    case 'failed': {
      const cause = e.failure.cause.length > 0 ? e.failure.cause : ['(it printed no error)'];
      const head = `reproduce: ${count(e.tally)} ${e.run.experiment} seed ${e.run.seed} FAILED (${e.failure.ended}); ${timing(e.tally)}`;
      return [head, ...cause.map((l) => `    ${l}`)].join('\n');
    }
    default: {
      const never: never = e;
      return never;
    }
  }
}

function count(t: ReproduceTally): string {
  return `[${t.finished + t.failed}/${t.total}]`;
}

function timing(t: ReproduceTally): string {
  const failed = t.failed > 0 ? `; ${t.failed} failed so far` : '';
  const toGo = t.finished + t.failed < t.total ? `, about ${t.etaSeconds.toFixed(0)} s to go` : '';
  return `${t.elapsedSeconds.toFixed(0)} s elapsed${toGo}${failed}`;
}
