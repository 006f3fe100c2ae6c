import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/DataError';
import { buildPlots } from '../../src/plots/buildPlots';
import { writePlots } from '../../src/plots/writePlots';
import { pngStats } from './pngStats';
import { syntheticRecord } from './syntheticRecord';

const records = [
  syntheticRecord({ experiment: 'cifar/sigmoid-plain', layers: 7 }),
  syntheticRecord({ experiment: 'cifar/sigmoid-vg', layers: 17 }),
  syntheticRecord({ experiment: 'cifar/sigmoid-bn', layers: 17 }),
  syntheticRecord({ experiment: 'gurmukhi/dropout', layers: 6 }),
  syntheticRecord({ experiment: 'gurmukhi/l2-dropout', layers: 6, seed: 0 }),
  syntheticRecord({ experiment: 'gurmukhi/l2-dropout', layers: 6, seed: 1 }),
];

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gradproof-plots-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('buildPlots', () => {
  it('names plots stably, in report order, one chart per experiment and kind', () => {
    expect(buildPlots(records).map((p) => p.name)).toEqual([
      'cifar.activations',
      'cifar-sigmoid.depth',
      'cifar-sigmoid-plain.layers', 'cifar-sigmoid-plain.curves',
      'cifar-sigmoid-vg.layers', 'cifar-sigmoid-vg.curves',
      'cifar-sigmoid-bn.layers', 'cifar-sigmoid-bn.curves',
      'gurmukhi.overlay',
      'gurmukhi-dropout.curves', 'gurmukhi-dropout.layers',
      'gurmukhi-l2-dropout.curves', 'gurmukhi-l2-dropout.layers',
    ]);
  });

  it('makes nothing from no records', () => {
    expect(buildPlots([])).toEqual([]);
  });
});

describe('writePlots', () => {
  it('writes every chart as .svg and .png, PNGs of the scaled size and not blank, no temp files left', async () => {
    const files = await writePlots(records, dir, { pngScale: 1 });
    const names = files.map((f) => basename(f));
    expect(names).toContain('cifar-sigmoid-vg.layers.png');
    expect(names).toContain('cifar-sigmoid.depth.png');
    expect(names).toContain('gurmukhi.overlay.png');
    expect(names).toContain('gurmukhi.overlay.svg');
    expect(files).toHaveLength(26);
    expect((await readdir(dir)).sort()).toEqual([...names].sort());
    const svg = await readFile(join(dir, 'cifar-sigmoid.depth.svg'), 'utf8');
    const width = Number(/width="(\d+)"/.exec(svg)?.[1]);
    const s = pngStats(await readFile(join(dir, 'cifar-sigmoid.depth.png')));
    expect(s.width).toBe(width);
    expect(s.colors).toBeGreaterThan(20);
    expect(s.nonWhite).toBeGreaterThan(0.01 * s.width * s.height);
  });

  it('reports an unwritable folder as a DataError naming the path', async () => {
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    await expect(writePlots(records.slice(3, 4), join(file, 'plots'))).rejects.toThrow(DataError);
    await expect(writePlots(records.slice(3, 4), join(file, 'plots'))).rejects.toThrow(/writePlots: cannot write .*not-a-folder\/plots/);
  });
});
