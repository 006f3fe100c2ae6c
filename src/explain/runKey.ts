import path from 'node:path';

/**
 * One run in the search's prefix tree: the chain prefix ending with the run's experiment (one
 * item: a fresh start), the optimiser carried along it, the dropout tried (undefined: the chosen one).
 */
export interface RunNode {
  readonly prefix: readonly string[];
  readonly optimizer: 'new' | 'carried';
  readonly dropout?: number;
}

/** `chosen/fresh/a`, `dropout-0.5/carried/a>b>c`: a prefix of one is the fresh run whatever the optimiser. */
export function runKey(node: RunNode): string {
  return `${dropoutTag(node.dropout)}/${node.prefix.length === 1 ? 'fresh' : node.optimizer}/${node.prefix.join('>')}`;
}

/** Where explain keeps a node's record: `<outDir>/runs/<dropout>/<optimizer>/seed-<n>/<a+b+c>.json` (`/` in ids → `-`). */
export function runNodePath(outDir: string, node: RunNode, seed: number): string {
  const file = node.prefix.map((id) => id.replace(/\//g, '-')).join('+');
  const optimizer = node.prefix.length === 1 ? 'fresh' : node.optimizer;
  return path.join(outDir, 'runs', dropoutTag(node.dropout), optimizer, `seed-${seed}`, `${file}.json`);
}

function dropoutTag(dropout: number | undefined): string {
  return dropout === undefined ? 'chosen' : `dropout-${dropout}`;
}
