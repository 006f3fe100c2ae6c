import { px } from './svgText.js';

/** Point marker shapes; distinct shapes keep overlapping or same-hue series apart. */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

/** Shapes in the order series get them. */
export const MARKER_SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];

/** One marker centred on (x, y); `r` is roughly its radius in px. */
export function markerSvg(shape: MarkerShape, x: number, y: number, fill: string, stroke: string, r = 2.8): string {
  const paint = `fill="${fill}" stroke="${stroke}" stroke-width="1.3"`;
  switch (shape) {
    case 'circle':
      return `<circle cx="${px(x)}" cy="${px(y)}" r="${r}" ${paint}/>`;
    case 'square':
      return `<rect x="${px(x - r)}" y="${px(y - r)}" width="${px(2 * r)}" height="${px(2 * r)}" ${paint}/>`;
    case 'triangle': {
      const h = r * 1.25;
      return `<polygon points="${px(x)},${px(y - h)} ${px(x + h)},${px(y + h * 0.75)} ${px(x - h)},${px(y + h * 0.75)}" ${paint}/>`;
    }
    case 'diamond': {
      const h = r * 1.35;
      return `<polygon points="${px(x)},${px(y - h)} ${px(x + h)},${px(y)} ${px(x)},${px(y + h)} ${px(x - h)},${px(y)}" ${paint}/>`;
    }
    default: {
      const never: never = shape;
      return never;
    }
  }
}
