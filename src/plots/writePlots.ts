import { join } from 'node:path';
import type { RunRecord } from '../record/RunRecord.js';
import { type BuildPlotsOptions, buildPlots } from './buildPlots.js';
import { renderPng } from './renderPng.js';
import { writeFileAtomic } from '../record/writeFileAtomic.js';

/** Options for `writePlots`. */
export interface WritePlotsOptions extends BuildPlotsOptions {
  /** PNG pixels per SVG unit; default 1.5 so text stays crisp on high-density screens. */
  readonly pngScale?: number;
}

/**
 * Writes every applicable chart (see `buildPlots`) into `outDir` (the plots folder itself) as
 * `<name>.svg` and `<name>.png`, each atomically, and returns the written paths in order,
 * e.g. `<outDir>/cifar-sigmoid-vg.layers.png`, `<outDir>/cifar-sigmoid.depth.png`,
 * `<outDir>/gurmukhi.overlay.png`.
 */
export async function writePlots(records: readonly RunRecord[], outDir: string, opts: WritePlotsOptions = {}): Promise<string[]> {
  const scale = opts.pngScale ?? 1.5;
  const files: string[] = [];
  for (const plot of buildPlots(records, opts)) {
    const width = Number(/width="(\d+)"/.exec(plot.svg)?.[1] ?? 640);
    const svgPath = join(outDir, `${plot.name}.svg`);
    const pngPath = join(outDir, `${plot.name}.png`);
    await writeFileAtomic(svgPath, plot.svg, 'writePlots');
    await writeFileAtomic(pngPath, renderPng(plot.svg, { width: Math.round(width * scale) }), 'writePlots');
    files.push(svgPath, pngPath);
  }
  return files;
}
