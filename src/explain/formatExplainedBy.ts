import { fmt } from '../card/fmt.js';
import type { ExplainedByReport } from './checkExplainedBy.js';

/** One paragraph: the verdict's numbers, then the worst figures (reported, the runs' mean ± sd, z). */
export function formatExplainedBy(r: ExplainedByReport): string {
  const worst = r.worst.map((f) => `  ${f.id}: reported ${fmt(f.reported)}, runs ${fmt(f.mean)} ± ${fmt(f.sd)} (z ${fmt(f.z)})`);
  return `${r.id} ${r.ok ? 'explains' : 'does not explain'} the figures: ${r.reason}\nworst figures:\n${worst.join('\n')}`;
}
