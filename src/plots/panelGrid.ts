import { UsageError } from '../errors/UsageError.js';
import type { ChartSpec } from './ChartSpec.js';
import { CHART_HEIGHT, CHART_WIDTH, chartBody } from './chartBody.js';
import { type LegendEntry, legendRow } from './legendSvg.js';
import { svgDocument } from './svgDocument.js';
import { px, svgText } from './svgText.js';
import { validateChartSpec } from './validateChartSpec.js';

/** Options for `panelGrid`. */
export interface PanelGridOptions {
  /** Panels per row; default: all in one row. */
  readonly columns?: number;
  /** A title over the whole grid. */
  readonly title?: string;
  /** One legend under the grid shared by all panels (give panels `legend: 'none'`). */
  readonly legend?: readonly LegendEntry[];
  /** Small text under everything (provenance, caveats). */
  readonly note?: string;
}

/**
 * Small multiples: charts laid out side by side in rows as one SVG. Each panel keeps its own
 * size (default 640 × 400); a row is as tall as its tallest panel.
 */
export function panelGrid(panels: readonly ChartSpec[], opts: PanelGridOptions = {}): string {
  if (!Array.isArray(panels as unknown) || panels.length === 0) throw new UsageError(`panelGrid: need at least one panel, got ${Array.isArray(panels) ? 0 : typeof panels}`);
  const columns = opts.columns ?? panels.length;
  if (!Number.isInteger(columns) || columns < 1) throw new UsageError(`panelGrid: columns must be a positive integer, got ${columns}`);
  panels.forEach((p, i) => validateChartSpec(p, `panelGrid: panel ${i}`));
  const top = opts.title ? 34 : 0;
  const parts: string[] = [];
  let y = top;
  let width = 0;
  for (let r = 0; r * columns < panels.length; r++) {
    const row = panels.slice(r * columns, (r + 1) * columns);
    let x = 0;
    for (const p of row) {
      parts.push(`<g transform="translate(${px(x)} ${px(y)})">\n${chartBody(p)}\n</g>`);
      x += p.width ?? CHART_WIDTH;
    }
    width = Math.max(width, x);
    y += Math.max(...row.map((p) => p.height ?? CHART_HEIGHT));
  }
  if (opts.legend && opts.legend.length > 0) {
    const legend = legendRow(opts.legend, 16, y + 4, width - 32);
    parts.push(legend.svg);
    y += legend.height + 8;
  }
  if (opts.note) {
    parts.push(svgText(16, y + 12, opts.note, 'font-size="11" fill="#555"'));
    y += 20;
  }
  const head = opts.title ? svgText(16, 24, opts.title, 'font-size="17" font-weight="bold" fill="#111"') : '';
  return svgDocument(width, Math.ceil(y), `<rect x="0" y="0" width="${width}" height="${Math.ceil(y)}" fill="#fff"/>\n${head}\n${parts.join('\n')}`);
}
