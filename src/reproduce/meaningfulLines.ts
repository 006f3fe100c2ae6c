/** What a child (a reproduce worker, a `gradproof run`) prints on stderr that is progress, not a cause. */
const NOISE: readonly RegExp[] = [
  /^gradproof run \S+: seed \d+, data /, // its header
  /^loading \S+: \d+\/\d+ images$/,
  /^\S+ epoch \d+\/\d+ batch /, // plain progress lines
  /^backend \S+; /,
  /^pure wasm ran one thread/,
  /^wrote /,
  /^\s+at /, // a stack trace
  /^\s*\^+\s*$/,
  /^Node\.js v\d/,
];

/** The first line of what an error said: gradproof's own one-liners, or a thrown Error's head. */
const HEAD = /^(gradproof\b|[A-Za-z]\w*: |[\w.]*Error\b|Error \[)/;

/**
 * The lines of a failed child's stderr that say why it failed (for a worker that died without
 * reporting its error: killed, out of memory): progress, stack frames and
 * Node's footer dropped, then from the last line that starts an error message on, at most
 * `max` lines (the last `max` when no line looks like one).
 */
export function meaningfulLines(stderr: string, max = 3): string[] {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '' && !NOISE.some((re) => re.test(l)));
  const head = lines.findLastIndex((l) => HEAD.test(l));
  return (head >= 0 ? lines.slice(head) : lines).slice(-max).map((l) => l.trim());
}
