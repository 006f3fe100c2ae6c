import { escapeXml } from './escapeXml.js';

/** The font stack every chart uses; DejaVu Sans is what the PNG renderer loads. */
export const FONT_FAMILY = 'DejaVu Sans, Verdana, Arial, sans-serif';

/** Average advance of a DejaVu Sans glyph, in ems; used to size legends and margins. */
export const CHAR_EM = 0.6;

/** Rounds a coordinate so SVG output stays small and stable across platforms. */
export function px(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** A `<text>` element with escaped content; `attrs` are raw attribute text (caller-controlled). */
export function svgText(x: number, y: number, text: string, attrs = ''): string {
  return `<text x="${px(x)}" y="${px(y)}"${attrs ? ' ' + attrs : ''}>${escapeXml(text)}</text>`;
}

/** Estimated rendered width of `text` at `size` px. */
export function textWidth(text: string, size: number): number {
  return text.length * size * CHAR_EM;
}
