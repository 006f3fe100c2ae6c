import { describe, expect, it } from 'vitest';
import { reproduceProgress } from '../../src/cli/reproduceProgress';
import type { PlannedRun } from '../../src/reproduce/planRuns';
import { reproduceEventLine, type ReproduceEvent, type ReproduceTally } from '../../src/reproduce/ReproduceEvent';
import { captureStream } from '../support/captureStream';

/** A stream that says it is a terminal, and keeps what is written to it. */
const terminal = () => captureStream({ columns: 200 });

const a: PlannedRun = { experiment: 'gurmukhi/dropout', seed: 0, out: '/r/a.json' };
const b: PlannedRun = { experiment: 'cifar/relu-plain', seed: 0, out: '/r/b.json' };
const tally = (finished: number, failed: number): ReproduceTally => ({ total: 2, finished, failed, elapsedSeconds: 3, etaSeconds: 3 });
const events: ReproduceEvent[] = [
  { kind: 'planned', planned: 2, done: 0, todo: 2, jobs: 2 },
  { kind: 'started', run: a },
  { kind: 'started', run: b },
  { kind: 'output', run: a, line: 'gurmukhi/dropout Epoch [1/2] - Loss: 2.3', epoch: { done: 1, of: 2 } },
  { kind: 'failed', run: b, failure: { experiment: b.experiment, seed: 0, ended: 'exit 2', cause: ['cifar10 not found in /x'] }, tally: tally(0, 1) },
  { kind: 'finished', run: a, tally: tally(1, 1) },
];

describe('reproduceProgress', () => {
  it('on a terminal: one cli-progress bar, with a line above it for each run that ends', () => {
    const err = terminal();
    const p = reproduceProgress(err, terminal());
    for (const e of events) p.onEvent(e);
    p.stop();
    p.log('after the bar');
    const text = err.text();
    expect(text).toContain('\x1b['); // drawn in place
    expect(text).toMatch(/reproduce \[#+\] 2\/2 runs, 1 failed \| \d+ s \|/);
    expect(text).toContain('reproduce: cifar/relu-plain seed 0 FAILED (exit 2)\n    cifar10 not found in /x');
    expect(text).toContain('reproduce: gurmukhi/dropout seed 0 done');
    expect(text).not.toContain('Epoch [1/2]'); // epoch lines feed the bar, not the screen
    expect(text.endsWith('after the bar\n')).toBe(true);
  });

  it('when stdout or stderr is not a terminal: the plain lines, no bar', () => {
    for (const [err, out] of [
      [captureStream(), terminal()],
      [terminal(), captureStream()],
    ] as const) {
      const p = reproduceProgress(err, out);
      for (const e of events) p.onEvent(e);
      p.stop();
      expect(err.text()).toBe(events.map((e) => `${reproduceEventLine(e)}\n`).join(''));
      expect(err.text()).not.toContain('\x1b[');
    }
  });
});
