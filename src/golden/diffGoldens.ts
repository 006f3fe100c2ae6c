import { fmt } from '../card/fmt.js';
import type { GoldenFile } from './GoldenFile.js';

/** Human lines `id: old → new` for every figure band, gating flag or claim that changed, was added or removed. */
export function diffGoldens(before: readonly GoldenFile[], after: readonly GoldenFile[]): string[] {
  const describe = (g: readonly GoldenFile[]) => {
    const m = new Map<string, string>();
    for (const file of g) {
      for (const f of file.figures) m.set(f.id, `reported ${fmt(f.reported)}, band [${fmt(f.band.lo)}, ${fmt(f.band.hi)}]${f.gating ? ', gating' : ''}${quoteOf(f.quote)}`);
      for (const c of file.claims) m.set(c.id, `${JSON.stringify(c.test)}${c.gating ? ', gating' : ''}${quoteOf(c.quote)}`);
    }
    return m;
  };
  const a = describe(before);
  const b = describe(after);
  const lines: string[] = [];
  for (const [id, old] of a) {
    const now = b.get(id);
    if (now === undefined) lines.push(`${id}: ${old} → (removed)`);
    else if (now !== old) lines.push(`${id}: ${old} → ${now}`);
  }
  for (const [id, now] of b) if (!a.has(id)) lines.push(`${id}: (new) → ${now}`);
  return lines;
}

/** Quotes are compared too, but shown short: the first 40 characters. */
const quoteOf = (q: string): string => `, quote "${q.length > 40 ? `${q.slice(0, 37)}...` : q}"`;
