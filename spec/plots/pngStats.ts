import { PNG } from 'pngjs';

/** Size and content summary of PNG bytes: how many distinct colours and non-white pixels. */
export function pngStats(bytes: Buffer): { width: number; height: number; colors: number; nonWhite: number; dark: (x0: number, y0: number, x1: number, y1: number) => number } {
  const png = PNG.sync.read(bytes);
  const colors = new Set<number>();
  let nonWhite = 0;
  const d = png.data;
  for (let i = 0; i < d.length; i += 4) {
    colors.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    if (d[i]! < 250 || d[i + 1]! < 250 || d[i + 2]! < 250) nonWhite++;
  }
  // Pixels darker than mid-grey inside a box: text and lines, not background.
  const dark = (x0: number, y0: number, x1: number, y1: number): number => {
    let n = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      if (d[i]! + d[i + 1]! + d[i + 2]! < 3 * 110) n++;
    }
    return n;
  };
  return { width: png.width, height: png.height, colors: colors.size, nonWhite, dark };
}
