import type { TrainProgress } from '../train/TrainOptions.js';
import { formatEpochLine } from '../train/formatEpochLine.js';

/**
 * A progress callback for training: on a terminal, one redrawn bar on stderr; otherwise a plain
 * line at most every `intervalMs`. Each finished epoch prints a report-style line on `out`.
 */
export function progressPrinter(
  err: NodeJS.WriteStream = process.stderr,
  out: NodeJS.WritableStream = process.stdout,
  intervalMs = 15_000,
): (p: TrainProgress) => void {
  const tty = err.isTTY === true;
  let lastPlain: number | undefined;
  let epochStart: number | undefined;
  return (p) => {
    if (p.epochDone) {
      if (tty) err.write('\r\x1b[2K');
      out.write(`${p.experiment} ${formatEpochLine(p.epochDone, p.epochs)}\n`);
      epochStart = undefined;
      return;
    }
    const now = performance.now();
    // Timers start at the first batch, so data loading does not inflate the ETA.
    epochStart ??= now;
    lastPlain ??= now;
    const elapsed = (now - epochStart) / 1000;
    const eta = p.batch > 0 ? (elapsed / p.batch) * (p.batches - p.batch) : 0;
    const head = `${p.experiment} epoch ${p.epoch}/${p.epochs}`;
    const tail = `${p.batch}/${p.batches} loss ${p.loss.toFixed(4)} eta ${eta.toFixed(0)}s`;
    if (tty) {
      const width = 24;
      const filled = Math.round((p.batch / p.batches) * width);
      err.write(`\r\x1b[2K${head} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${tail}`);
    } else if (now - lastPlain >= intervalMs) {
      lastPlain = now;
      err.write(`${head} batch ${tail}\n`);
    }
  };
}
