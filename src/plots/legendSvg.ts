import type { Series } from './ChartSpec.js';
import { escapeXml } from './escapeXml.js';
import { type MarkerShape, markerSvg } from './markerSvg.js';
import { paletteColor } from './palette.js';
import { px, svgText, textWidth } from './svgText.js';

/** One legend entry: a line sample (dashed or solid) and a name. */
export interface LegendEntry {
  readonly name: string;
  readonly color: string;
  readonly dashed?: boolean;
  /** Marker drawn on the line sample. */
  readonly marker?: MarkerShape;
}

const FONT = 11;
const ROW = 16;
const SAMPLE = 24;
const MAX_CHARS = 42;

/** The legend entries of a chart's series, in series order, with their resolved colours. */
export function legendEntries(series: readonly Series[]): LegendEntry[] {
  return series.flatMap((s, i) => (s.hideInLegend ? [] : [{ name: s.name, color: s.color ?? paletteColor(i), dashed: s.dashed ?? false, marker: s.marker }]));
}

/** Width a vertical legend of these entries needs. */
export function legendWidth(entries: readonly LegendEntry[]): number {
  const longest = Math.max(0, ...entries.map((e) => Math.min(e.name.length, MAX_CHARS)));
  return entries.length === 0 ? 0 : SAMPLE + 8 + textWidth('x'.repeat(longest), FONT) + 8;
}

/** A vertical legend with its top-left corner at (x, y). */
export function legendSvg(entries: readonly LegendEntry[], x: number, y: number): string {
  return entries.map((e, i) => legendItem(e, x, y + i * ROW)).join('');
}

/** A horizontal legend (wrapping onto more rows) within `width`, top-left at (x, y); returns svg and height. */
export function legendRow(entries: readonly LegendEntry[], x: number, y: number, width: number): { svg: string; height: number } {
  let cx = x;
  let cy = y;
  const parts: string[] = [];
  for (const e of entries) {
    const w = SAMPLE + 8 + textWidth(short(e.name), FONT) + 18;
    if (cx + w > x + width && cx > x) (cx = x), (cy += ROW);
    parts.push(legendItem(e, cx, cy));
    cx += w;
  }
  return { svg: parts.join(''), height: entries.length === 0 ? 0 : cy - y + ROW };
}

function legendItem(e: LegendEntry, x: number, y: number): string {
  const mid = y + ROW / 2;
  const dash = e.dashed ? ' stroke-dasharray="6 3"' : '';
  return (
    `<line x1="${px(x)}" y1="${px(mid)}" x2="${px(x + SAMPLE)}" y2="${px(mid)}" stroke="${escapeXml(e.color)}" stroke-width="2.5"${dash}/>` +
    (e.marker ? markerSvg(e.marker, x + SAMPLE / 2, mid, e.dashed ? '#fff' : escapeXml(e.color), escapeXml(e.color)) : '') +
    svgText(x + SAMPLE + 6, mid + 4, short(e.name), `font-size="${FONT}" fill="#222"`)
  );
}

function short(name: string): string {
  return name.length > MAX_CHARS ? name.slice(0, MAX_CHARS - 1) + '…' : name;
}
