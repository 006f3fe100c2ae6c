import type { CardEntry } from '../card/CardEntry.js';

/** Whether an entry's numbers are accuracies (fractions shown as percentages). */
export function isAccuracyEntry(id: string): boolean {
  return /(^|\/)(train|test|val)Acc$/.test(id) || /accuracy/i.test(id.split('/').pop() ?? '');
}

/**
 * A number as people read it on the card: accuracies as percentages with two decimals (the
 * report's own precision), other figures to 4 significant digits, tiny or huge ones in e-notation.
 */
export function formatCardValue(v: number, id: string): string {
  if (!Number.isFinite(v)) return String(v);
  if (isAccuracyEntry(id)) return `${(v * 100).toFixed(2)}%`;
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(2).replace('e+', 'e');
  return String(Number(v.toPrecision(4)));
}

/** "mean ± sd (n = k)", or "—" when nothing was measured. */
export function formatMeasured(e: CardEntry): string {
  const m = e.measured;
  if (!m) return '—';
  const f = (v: number): string => formatCardValue(v, e.id);
  return m.n > 1 ? `${f(m.mean)} ± ${f(m.sd)} (n = ${m.n})` : `${f(m.mean)} (n = 1)`;
}

/** The reported figure, or a claim's wording. */
export function formatReported(e: CardEntry): string {
  return typeof e.reported === 'number' ? formatCardValue(e.reported, e.id) : e.reported;
}

/** "[lo, hi]", or "—" for an entry without a band. */
export function formatBand(e: CardEntry): string {
  return e.band ? `[${formatCardValue(e.band.lo, e.id)}, ${formatCardValue(e.band.hi, e.id)}]` : '—';
}
