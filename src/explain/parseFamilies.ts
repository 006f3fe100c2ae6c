import { UsageError } from '../errors/UsageError.js';
import type { ExplainFamilies } from './ExplainFamilies.js';

/**
 * `--families warm,carried,metrics,dropout=0.5:0.3` → ExplainFamilies. `warm` is the new-optimiser
 * warm start, `carried` the carried-optimiser one, `metrics` the metric definitions, `dropout=p:q`
 * the dropout values to try; `fresh` alone tries the protocol only.
 */
export function parseFamilies(text: string): ExplainFamilies {
  const warm: ('new' | 'carried')[] = [];
  let metrics = false;
  let dropout: number[] = [];
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (item === 'warm') warm.push('new');
    else if (item === 'carried') warm.push('carried');
    else if (item === 'metrics') metrics = true;
    else if (item === 'fresh') continue;
    else if (item.startsWith('dropout=')) {
      dropout = item.slice(8).split(':').map(Number);
      const bad = dropout.find((p) => !(p >= 0 && p < 1));
      if (bad !== undefined || dropout.length === 0) throw new UsageError(`explain: --families dropout values must lie in [0, 1), got ${JSON.stringify(item)}`);
    } else {
      throw new UsageError(`explain: --families takes warm, carried, metrics, dropout=p:q or fresh, got ${JSON.stringify(item)}`);
    }
  }
  return { warm, metrics, dropout };
}
