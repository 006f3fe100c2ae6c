import type { Hypothesis } from './Hypothesis.js';
import type { RunNode } from './runKey.js';

/** The run whose record gives `experiment`'s figures under `h`: its chain up to it, or its fresh run. */
export function hypothesisRunNode(h: Hypothesis, experiment: string): RunNode {
  const dropout = h.overrides?.dropout;
  const base = dropout !== undefined ? { dropout } : {};
  if (h.start.kind === 'warm') {
    for (const chain of h.start.chains) {
      const at = chain.indexOf(experiment);
      if (at >= 0) return { prefix: chain.slice(0, at + 1), optimizer: h.start.optimizer, ...base };
    }
  }
  return { prefix: [experiment], optimizer: 'new', ...base };
}
