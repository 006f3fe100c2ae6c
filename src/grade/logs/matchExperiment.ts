import { EXPERIMENTS } from '../../experiments/experiments.js';
import { EXPERIMENT_ID } from '../../experiments/experimentId.js';
import type { GoldenFile } from '../../golden/GoldenFile.js';

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The experiment a `Training with …` header belongs to, and how it was told: an experiment id in
 * the header (`Training with gurmukhi/l2-dropout`, or a project's `hw4/tanh3`) naming a report
 * experiment or one a golden file has figures of, else a golden file's own header (the report's
 * words), else keywords with LaTeX stripped — Q2: L1 and/or L2, or dropout alone; Q1: an
 * activation (sigmoid, tanh, relu) with `bn`/`batch norm` or `vg`/`vanishing` (else plain).
 * Undefined when nothing fits.
 *
 * Headers come from students, so every pattern here runs in time linear in the header: none has
 * a quantified part followed by something that could also match what it took (ids are looked
 * for word by word, each word tested by an anchored pattern, `\$[^$]*\$` cannot run past its closing `$`, the keywords are
 * fixed words), so nothing backtracks more than once over any character.
 */
export function matchExperiment(header: string, goldens: readonly GoldenFile[]): { experiment: string; matchedBy: string } | undefined {
  const id = experimentIdIn(header, goldens);
  if (id !== undefined) return { experiment: id, matchedBy: 'experiment id' };
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


/** The first word of `header` that is a known experiment id, lowercased; punctuation around a word is not part of it. */
function experimentIdIn(header: string, goldens: readonly GoldenFile[]): string | undefined {
  const known = new Set<string>(EXPERIMENTS.map((e) => e.id));
  for (const g of goldens) for (const f of g.figures) known.add(f.experiment);
  for (const word of header.toLowerCase().split(/[\s,;:()[\]{}"'`]+/)) {
    const w = trimPunctuation(word);
    if (EXPERIMENT_ID.test(w) && known.has(w)) return w;
  }
  return undefined;
}

/** `word` without the sentence punctuation and markdown emphasis around it (a loop: linear in any input). */
function trimPunctuation(word: string): string {
  const edge = (c: string | undefined): boolean => c !== undefined && '.!?*_'.includes(c);
  let from = 0;
  let to = word.length;
  while (from < to && edge(word[from])) from++;
  while (to > from && edge(word[to - 1])) to--;
  return word.slice(from, to);
}
