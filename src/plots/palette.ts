/**
 * Okabe–Ito colours, chosen to stay distinguishable under the common colour-vision
 * deficiencies; yellow is left out because it vanishes on white.
 */
export const PALETTE: readonly string[] = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#000000', // black
];

/** The palette colour for series `i`, cycling when there are more series than colours. */
export function paletteColor(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}
