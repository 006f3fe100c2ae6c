import type { ChartSpec, Point } from './ChartSpec.js';
import { escapeXml } from './escapeXml.js';
import { fitAxes } from './fitAxes.js';
import { markerSvg } from './markerSvg.js';
import { legendEntries, legendSvg, legendWidth } from './legendSvg.js';
import { paletteColor } from './palette.js';
import { prepareSeries } from './prepareSeries.js';
import { px, svgText, textWidth } from './svgText.js';

/** Default chart size in px. */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 400;

/**
 * The SVG elements of one chart occupying (0, 0)–(width, height), without the `<svg>` wrapper,
 * so `lineChart` and `panelGrid` can place it. Points a log axis cannot show are counted in a
 * red note under the plot; a fixed domain clamps lines to the plot edge.
 */
export function chartBody(spec: ChartSpec): string {
  const width = spec.width ?? CHART_WIDTH;
  const height = spec.height ?? CHART_HEIGHT;
  const log = spec.yScale === 'log';
  const scale = log ? 'log' : 'linear';
  const prepared = prepareSeries(spec.series, scale);
  const axes = fitAxes(spec, prepared);
  const entries = spec.legend === 'none' ? [] : legendEntries(spec.series);
  const dropped = prepared.reduce((n, p) => n + p.dropped, 0);
  const notes = [
    ...(dropped > 0 ? [{ text: `${dropped} value${dropped === 1 ? '' : 's'} ${log ? '≤ 0 or not finite' : 'not finite'}: not shown${log ? ' (log scale)' : ''}`, color: '#B00020' }] : []),
    ...(spec.note ? [{ text: spec.note, color: '#555' }] : []),
  ];
  const yLabelW = Math.max(...axes.y.ticks.map((t) => textWidth(t.label ?? '', 11) + textWidth(spec.yUnit ?? '', 11)));
  const x0 = (spec.yLabel ? 24 : 6) + yLabelW + 8;
  const x1 = width - (entries.length > 0 ? legendWidth(entries) + 12 : 16);
  const y0 = spec.title ? 36 : 12;
  const y1 = height - 24 - (spec.xLabel ? 18 : 0) - notes.length * 15;
  const [dx0, dx1] = axes.x.domain;
  const [dy0, dy1] = axes.y.domain;
  const f = (v: number): number => (log ? Math.log10(v) : v);
  // Inset so markers at the first and last x are not cut by the frame.
  const sx = (x: number): number => x0 + 10 + ((x - dx0) / (dx1 - dx0 || 1)) * (x1 - x0 - 20);
  const sy = (y: number): number => {
    const t = (f(y) - f(dy0)) / (f(dy1) - f(dy0) || 1);
    return y1 - Math.min(1, Math.max(0, t)) * (y1 - y0);
  };
  const out: string[] = [`<rect x="0" y="0" width="${width}" height="${height}" fill="#fff"/>`];
  if (spec.title) out.push(svgText(x0, 22, spec.title, 'font-size="15" font-weight="bold" fill="#111"'));
  // Grid and tick labels.
  for (const t of axes.y.ticks) {
    if (t.value < dy0 || t.value > dy1) continue;
    const y = sy(t.value);
    out.push(`<line x1="${px(x0)}" y1="${px(y)}" x2="${px(x1)}" y2="${px(y)}" stroke="${t.label ? '#d9d9d9' : '#f0f0f0'}" stroke-width="1"/>`);
    if (t.label) out.push(svgText(x0 - 6, y + 4, t.label + (spec.yUnit ?? ''), 'font-size="11" fill="#333" text-anchor="end"'));
  }
  for (const t of axes.x.ticks) {
    if (t.value < dx0 || t.value > dx1) continue;
    const x = sx(t.value);
    out.push(`<line x1="${px(x)}" y1="${px(y1)}" x2="${px(x)}" y2="${px(y1 + 4)}" stroke="#666"/>`);
    if (t.label) out.push(svgText(x, y1 + 17, t.label, 'font-size="11" fill="#333" text-anchor="middle"'));
  }
  out.push(`<rect x="${px(x0)}" y="${px(y0)}" width="${px(x1 - x0)}" height="${px(y1 - y0)}" fill="none" stroke="#888"/>`);
  if (spec.xLabel) out.push(svgText((x0 + x1) / 2, y1 + 36, spec.xLabel, 'font-size="12" fill="#222" text-anchor="middle"'));
  if (spec.yLabel) {
    const cy = (y0 + y1) / 2;
    out.push(svgText(14, cy, spec.yLabel, `font-size="12" fill="#222" text-anchor="middle" transform="rotate(-90 14 ${px(cy)})"`));
  }
  // Bands under lines, reference lines, then the lines themselves on top.
  prepared.forEach((p, i) => {
    if (p.band.length < 2) return;
    const color = escapeXml(p.series.color ?? paletteColor(i));
    const clampLo = (v: number): number => (log && v <= 0 ? dy0 : v);
    const upper = p.band.map((b) => `${px(sx(b.x))},${px(sy(b.hi))}`);
    const lower = [...p.band].reverse().map((b) => `${px(sx(b.x))},${px(sy(clampLo(b.lo)))}`);
    out.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${color}" fill-opacity="0.15" stroke="none"/>`);
  });
  for (const r of spec.refLines ?? []) {
    if (log && r.y <= 0) continue;
    const y = sy(r.y);
    out.push(`<line x1="${px(x0)}" y1="${px(y)}" x2="${px(x1)}" y2="${px(y)}" stroke="#B00020" stroke-width="1.5" stroke-dasharray="2 3"/>`);
    out.push(svgText(x0 + 6, y - 5, r.label, 'font-size="11" fill="#B00020" stroke="#fff" stroke-width="3" paint-order="stroke"'));
  }
  prepared.forEach((p, i) => {
    const color = escapeXml(p.series.color ?? paletteColor(i));
    const dash = p.series.dashed ? ' stroke-dasharray="7 4"' : '';
    const count = p.segments.reduce((n, s) => n + s.length, 0);
    const markers = p.series.markers ?? count <= 12;
    for (const seg of p.segments) {
      const pts = seg.map((q: Point) => `${px(sx(q.x))},${px(sy(q.y))}`).join(' ');
      if (seg.length > 1) out.push(`<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="2"${dash} stroke-linejoin="round"/>`);
      if (markers || seg.length === 1) {
        const fill = p.series.dashed ? '#fff' : color;
        for (const q of seg) out.push(markerSvg(p.series.marker ?? 'circle', sx(q.x), sy(q.y), fill, color));
      }
    }
  });
  if (entries.length > 0) out.push(legendSvg(entries, x1 + 12, y0));
  notes.forEach((n, k) => out.push(svgText(x0, height - 8 - (notes.length - 1 - k) * 15, n.text, `font-size="11" fill="${n.color}"`)));
  return out.join('\n');
}
