import { EXPERIMENTS } from '../../experiments/experiments.js';
import type { GoldenFile } from '../../golden/GoldenFile.js';

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The experiment a `Training with …` header belongs to, and how it was told: an experiment id in
 * the header (`Training with gurmukhi/l2-dropout`), else a golden file's own header (the report's
 * words), else keywords with LaTeX stripped — Q2: L1 and/or L2, or dropout alone; Q1: an
 * activation (sigmoid, tanh, relu) with `bn`/`batch norm` or `vg`/`vanishing` (else plain).
 * Undefined when nothing fits.
 *
 * Headers come from students, so every pattern here runs in time linear in the header: none has
 * a quantified part followed by something that could also match what it took (the id's
 * `[a-z0-9-]+` ends the pattern, `\$[^$]*\$` cannot run past its closing `$`, the keywords are
 * fixed words), so nothing backtracks more than once over any character.
 */
export function matchExperiment(header: string, goldens: readonly GoldenFile[]): { experiment: string; matchedBy: string } | undefined {
  const ids = /\b((?:cifar|gurmukhi)\/[a-z0-9-]+)/i.exec(header);
  if (ids && EXPERIMENTS.some((e) => e.id === ids[1]!.toLowerCase())) return { experiment: ids[1]!.toLowerCase(), matchedBy: 'experiment id' };
  const h = norm(header);
  const quoted = goldens.find((g) => norm(g.provenance.quote.replace(/^\s*Training with\s+/i, '')) === h);
  if (quoted) return { experiment: quoted.experiment, matchedBy: "the report's header" };
  const words = h.replace(/\$[^$]*\$/g, ' ').replace(/\\[a-z]+(_\d)?/g, ' ');
  const has = (re: RegExp): boolean => re.test(words);
  const l1 = has(/\bl1\b|\blasso\b/);
  const l2 = has(/\bl2\b|\bridge\b|\bweight decay\b/);
  const kw = (exp: string, what: string) => ({ experiment: exp, matchedBy: `keywords (${what})` });
  if (l1 && l2) return kw('gurmukhi/l1-l2-dropout', 'L1 and L2');
  if (l1) return kw('gurmukhi/l1-dropout', 'L1');
  if (l2) return kw('gurmukhi/l2-dropout', 'L2');
  const act = /\b(sigmoid|tanh|relu)\b/.exec(words)?.[1];
  if (act) {
    const variant = has(/\bbn\b|batch ?norm/) ? 'bn' : has(/\bvg\b|vanishing/) ? 'vg' : 'plain';
    return kw(`cifar/${act}-${variant}`, `${act}, ${variant}`);
  }
  if (has(/\bdropout\b/)) return kw('gurmukhi/dropout', 'dropout only');
  return undefined;
}
