import { MultiBar, type SingleBar } from 'cli-progress';
import { reproduceEventLine, type ReproduceEvent } from '../reproduce/ReproduceEvent.js';

/** Where `reproduce` sends its progress: plain lines, or a bar with lines above it. */
export interface ReproduceProgress {
  /** A line for people (above the bar while there is one). */
  readonly log: (line: string) => void;
  readonly onEvent: (event: ReproduceEvent) => void;
  /** Draws the bar a last time and lets go of the terminal; later lines go straight to `err`. */
  readonly stop: () => void;
}

/**
 * `reproduce`'s progress on `err`. When both `out` and `err` are terminals: one bar
 * (cli-progress, a well-kept library; runs ended out of runs to make, the runs in flight with
 * their epoch, elapsed time and an estimate of what is left), and above it one line per run
 * that finished or failed (with the failure's cause). Otherwise (a pipe, a file, CI): the plain
 * lines `reproduceEventLine` makes, the children's epoch lines included.
 */
export function reproduceProgress(err: NodeJS.WritableStream, out: NodeJS.WritableStream): ReproduceProgress {
  const plain = (line: string) => void err.write(`${line}\n`);
  const tty = (err as { isTTY?: boolean }).isTTY === true && (out as { isTTY?: boolean }).isTTY === true && process.env['TERM'] !== 'dumb';
  if (!tty) return { log: plain, onEvent: (e) => plain(reproduceEventLine(e)), stop: () => undefined };

  let bars: MultiBar | undefined;
  let bar: SingleBar | undefined;
  let total = 0;
  let ended = 0;
  let failed = 0;
  let started = 0;
  /** The runs in flight: epochs done of all. */
  const active = new Map<string, { done: number; of: number }>();
  const log = (line: string) => (bars ? bars.log(`${line}\n`) : plain(line));
  const redraw = () => {
    if (!bar) return;
    const inFlight = [...active.entries()];
    const value = ended + inFlight.reduce((sum, [, p]) => sum + (p.of > 0 ? p.done / p.of : 0), 0);
    const elapsed = (performance.now() - started) / 1000;
    const eta = value > 0 && value < total ? `, about ${formatSeconds((elapsed / value) * (total - value))} to go` : '';
    bar.update(value, {
      runs: `${ended}/${total} runs${failed > 0 ? `, ${failed} failed` : ''}`,
      time: `${formatSeconds(elapsed)}${eta}`,
      active: inFlight.map(([run, p]) => (p.of > 0 ? `${run} epoch ${p.done}/${p.of}` : run)).join(', '),
    });
  };
  const key = (e: { run: { experiment: string; seed: number } }) => `${e.run.experiment} seed ${e.run.seed}`;
  const onEvent = (e: ReproduceEvent) => {
    switch (e.kind) {
      case 'planned':
        log(reproduceEventLine(e));
        total = e.todo;
        if (total === 0) return;
        started = performance.now();
        bars = new MultiBar({
          stream: err,
          format: 'reproduce [{bar}] {runs} | {time} | {active}',
          barsize: 24,
          barCompleteChar: '#',
          barIncompleteChar: '-',
          hideCursor: false,
          fps: 5,
        });
        bar = bars.create(total, 0, { runs: `0/${total} runs`, time: '0 s', active: '' });
        return;
      case 'started':
        active.set(key(e), { done: 0, of: 0 });
        return redraw();
      case 'output':
        if (e.epoch) active.set(key(e), e.epoch);
        return redraw();
      case 'finished':
        active.delete(key(e));
        ended++;
        log(`reproduce: ${key(e)} done`);
        return ended === total ? stop() : redraw();
      case 'failed':
        active.delete(key(e));
        ended++;
        failed++;
        log([`reproduce: ${key(e)} FAILED (${e.failure.ended})`, ...e.failure.cause.map((l) => `    ${l}`)].join('\n'));
        return ended === total ? stop() : redraw();
      default: {
        const never: never = e;
        return never;
      }
    }
  };
  function stop(): void {
    if (!bars) return;
    redraw();
    bars.update();
    bars.stop();
    bars = undefined;
    bar = undefined;
  }
  return { log, onEvent, stop };
}

function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(0)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${(s % 60).toFixed(0).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
