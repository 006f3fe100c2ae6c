import type { Plot } from '../plots/Plot.js';
import { escapeXml as esc } from '../plots/escapeXml.js';

/**
 * A plot inlined as `<figure>` with its caption. The SVG namespace declaration is dropped:
 * HTML parsers do not need it, and the page then contains no URL at all.
 */
export function figureHtml(plot: Plot): string {
  const svg = plot.svg.replace(/^<svg xmlns="[^"]*"/, '<svg').replace(/^<svg /, `<svg role="img" aria-label="${esc(plot.caption)}" `);
  return `<figure id="plot-${esc(plot.name)}">\n${svg}<figcaption>${esc(plot.caption)} <span class="file">(${esc(plot.name)}.png)</span></figcaption>\n</figure>`;
}
