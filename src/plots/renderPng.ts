import { Resvg } from '@resvg/resvg-js';
import { UsageError } from '../errors/UsageError.js';

/** Options for `renderPng`. */
export interface RenderPngOptions {
  /** Output width in px; height follows the SVG's aspect ratio. Default: the SVG's own width. */
  readonly width?: number;
}

/**
 * Rasterises an SVG to PNG bytes with resvg (no browser), on a white background, using the
 * system fonts with DejaVu Sans as the default so text renders the same on CI machines.
 */
export function renderPng(svg: string, opts: RenderPngOptions = {}): Buffer {
  if (typeof svg !== 'string' || !svg.includes('<svg')) {
    throw new UsageError(`renderPng: expected an SVG string, got ${typeof svg === 'string' ? JSON.stringify(svg.slice(0, 40)) : typeof svg}`);
  }
  const w = opts.width;
  if (w !== undefined && !(Number.isInteger(w) && w >= 16 && w <= 8192)) {
    throw new UsageError(`renderPng: width must be an integer in [16, 8192], got ${w}`);
  }
  try {
    const resvg = new Resvg(svg, {
      background: '#ffffff',
      fitTo: w === undefined ? { mode: 'original' } : { mode: 'width', value: w },
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
      logLevel: 'off',
    });
    return resvg.render().asPng();
  } catch (e) {
    throw new UsageError(`renderPng: resvg could not render the SVG (${(e as Error).message})`, { cause: e });
  }
}
