import { FONT_FAMILY } from './svgText.js';

/** Wraps SVG elements in a standalone `<svg>` document of the given size with the chart font. */
export function svgDocument(width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${FONT_FAMILY}">\n${body}\n</svg>\n`
  );
}
