import type { ChartSpec } from './ChartSpec.js';
import { CHART_HEIGHT, CHART_WIDTH, chartBody } from './chartBody.js';
import { svgDocument } from './svgDocument.js';
import { validateChartSpec } from './validateChartSpec.js';

/**
 * A line chart as a standalone SVG string: title, axes with labels, a linear or log10 y axis
 * (decade ticks `1e-14 … 1e0`), a legend, several series in distinct colour-blind-safe colours,
 * optionally dashed and with a shaded band. On a log axis, values <= 0 (and non-finite values
 * anywhere) are left out of the lines, which break at them, and a red note under the plot
 * counts them — they are never dropped silently.
 */
export function lineChart(spec: ChartSpec): string {
  validateChartSpec(spec, 'lineChart');
  return svgDocument(spec.width ?? CHART_WIDTH, spec.height ?? CHART_HEIGHT, chartBody(spec));
}
