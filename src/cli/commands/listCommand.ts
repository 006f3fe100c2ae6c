import { EXPERIMENTS } from '../../experiments/experiments.js';

/** `gradproof list [--json]`: the experiment ids, one per line with a description. */
export function listCommand(args: readonly string[], out: NodeJS.WritableStream): number {
  if (args.includes('--json')) {
    out.write(JSON.stringify(EXPERIMENTS, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...EXPERIMENTS.map((e) => e.id.length));
  for (const e of EXPERIMENTS) out.write(`${e.id.padEnd(width)}  ${e.section}  ${e.description}\n`);
  return 0;
}
