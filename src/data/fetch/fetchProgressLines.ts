/**
 * A download's `onProgress` that writes a line (`<prefix>: 1.2 MiB (45.0%)`) at most every
 * `everyMs` and at the end, so a slow link shows it is alive without flooding a log.
 */
export function fetchProgressLines(
  prefix: string,
  write: (line: string) => void,
  everyMs = 2000,
): (done: number, total: number | undefined) => void {
  let last = -Infinity;
  return (done, total) => {
    const now = performance.now();
    if (now - last < everyMs && done !== total) return;
    last = now;
    const pct = total ? ` (${((done / total) * 100).toFixed(1)}%)` : '';
    write(`${prefix}: ${(done / 2 ** 20).toFixed(1)} MiB${pct}`);
  };
}
