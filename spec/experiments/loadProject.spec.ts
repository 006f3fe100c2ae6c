import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPERIMENTS } from '../../src/experiments/experiments';
import { getExperiment } from '../../src/experiments/getExperiment';
import { loadProject, REPORT_PROJECT } from '../../src/experiments/loadProject';
import { SchemaError } from '../../src/errors/SchemaError';
import { UsageError } from '../../src/errors/UsageError';
import { barProject } from '../support/imageFolderProject';

async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'project-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

describe('loadProject', () => {
  it('keeps the report experiments where there is no config file', async () => {
    const dir = await project({});
    expect(await loadProject({ cwd: dir })).toBe(REPORT_PROJECT);
    expect(REPORT_PROJECT.experiments.map((e) => e.id)).toHaveLength(13);
  });

  it('reads the report experiments from its own project file, with the protocol of PROTOCOL.md', () => {
    const vg = getExperiment('cifar/sigmoid-vg');
    expect(vg.model).toMatchObject({ inputSize: 3072, hidden: [512, 256, 128, 64, 32, 16, ...Array(10).fill(16)], outputSize: 10, batchNorm: false, init: 'torch-default' });
    expect(vg).toMatchObject({ dataset: 'cifar10', epochs: 10, batchSize: 128, valFraction: 0.2, section: 'Q1' });
    expect(getExperiment('cifar/relu-bn').model).toMatchObject({ batchNorm: true, init: 'he' });
    expect(getExperiment('gurmukhi/l1-l2-dropout')).toMatchObject({ dataset: 'gurmukhi', batchSize: 64, penalties: [{ kind: 'l1', rate: 1e-3 }, { kind: 'l2', rate: 1e-3 }] });
    expect(getExperiment('gurmukhi/dropout').model).toMatchObject({ inputSize: 1024, hidden: [512, 256, 128, 64, 16], dropout: 0.2 });
  });

  it('resolves a JSON project: defaults filled in, the data root made absolute against the config file', async () => {
    const dir = await project({ 'gradproof.config.json': JSON.stringify(barProject()) });
    const p = await loadProject({ cwd: dir });
    expect(p.configPath).toBe(path.join(dir, 'gradproof.config.json'));
    expect(p.goldenDir).toBe(path.join(dir, 'golden'));
    expect(p.experiments).toHaveLength(1);
    const e = p.experiments[0]!;
    expect(e).toMatchObject({
      id: 'hw/tanh3',
      section: 'hw',
      dataset: { kind: 'image-folder', root: path.join(dir, 'bars'), channels: 1, height: 8, width: 8 },
      model: { inputSize: 64, hidden: [32, 16], outputSize: 3, activation: 'tanh', batchNorm: false, init: 'xavier', dropout: 0 },
      optimizer: { kind: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
      penalties: [],
    });
  });

  it('with builtins: true offers the report experiments first, and refuses an id that clashes with one', async () => {
    const dir = await project({ 'gradproof.config.json': JSON.stringify({ ...barProject(), builtins: true }) });
    const p = await loadProject({ cwd: dir });
    expect(p.experiments.map((e) => e.id)).toEqual([...EXPERIMENTS.map((e) => e.id), 'hw/tanh3']);
    const clash = barProject({ id: 'gurmukhi/dropout' });
    const bad = await project({ 'gradproof.config.json': JSON.stringify({ ...clash, builtins: true }) });
    await expect(loadProject({ cwd: bad })).rejects.toThrow(/"gurmukhi\/dropout" is also one of gradproof's report experiments/);
  });

  it('loads a TypeScript config, its functions and the modules a JSON config names', async () => {
    const loader = `export function digits({ dataDir }: { dataDir: string }) { return { dataDir } as unknown as never; }\nexport default function build(): never { throw new Error('unused'); }\n`;
    const ts = `
      import { digits } from './src/load';
      const config = {
        fetch: true,
        golden: 'goldens',
        experiments: [
          { id: 'lab/custom', dataset: { kind: 'loader' as const, load: digits, name: 'digits' }, model: { factory: () => { throw new Error('unused'); }, name: 'inline' }, epochs: 1, batchSize: 8 },
          { id: 'lab/by-ref', dataset: { kind: 'loader' as const, module: './src/load.ts', export: 'digits' }, model: { module: './src/load.ts' }, epochs: 2, batchSize: 4 },
        ],
      };
      export default config;
    `;
    const dir = await project({ 'gradproof.config.ts': ts, 'src/load.ts': loader, 'node_modules/.keep': '' });
    const p = await loadProject({ cwd: dir });
    expect(p.fetch).toBe(true);
    expect(p.goldenDir).toBe(path.join(dir, 'goldens'));
    const [a, b] = p.experiments;
    expect(a!.dataset).toMatchObject({ kind: 'loader', name: 'digits' });
    expect(b!.dataset).toMatchObject({ kind: 'loader', name: './src/load.ts#digits' });
    expect(b!.model).toMatchObject({ name: './src/load.ts#default' });
    const load = (b!.dataset as { load: (ctx: { dataDir: string }) => unknown }).load;
    expect(load({ dataDir: '/d' })).toEqual({ dataDir: '/d' });
  });

  it('refuses, naming the file and the problem: a schema error, a duplicate id, an input size that does not fit the images, two config files, a missing export', async () => {
    const cases: [Record<string, string>, RegExp, new (...a: never[]) => Error][] = [
      [{ 'gradproof.config.json': JSON.stringify(barProject({ id: 'Bad Id' })) }, /gradproof\.config\.json: project: \$\.experiments\[0\]\.id: must match pattern/, SchemaError],
      [{ 'gradproof.config.json': JSON.stringify(barProject({ epochs: 0 })) }, /\$\.experiments\[0\]\.epochs: must be >= 1, got 0/, SchemaError],
      [{ 'gradproof.config.json': JSON.stringify({ experiments: [...(barProject().experiments as unknown[]), ...(barProject().experiments as unknown[])] }) }, /experiment id "hw\/tanh3" is declared twice/, UsageError],
      [{ 'gradproof.config.json': JSON.stringify(barProject({ model: { inputSize: 1024, hidden: [8], outputSize: 3, activation: 'relu' } })) }, /model\.inputSize is 1024 but the data set's images have 64 values/, UsageError],
      [{ 'gradproof.config.json': '{}', 'gradproof.config.mjs': 'export default {}' }, /more than one config file \(gradproof\.config\.mjs, gradproof\.config\.json\)/, UsageError],
      [{ 'gradproof.config.json': JSON.stringify(barProject({ model: { module: './m.mjs', export: 'build' } })), 'm.mjs': 'export const other = () => 1;' }, /\.\/m\.mjs has no function export "build" \(exports: other\)/, UsageError],
      [{ 'gradproof.config.mjs': 'export const experiments = [];' }, /must export default the project/, UsageError],
    ];
    for (const [files, message, type] of cases) {
      const dir = await project(files);
      const error = await loadProject({ cwd: dir }).then(() => undefined, (e: unknown) => e);
      expect(error, String(message)).toBeInstanceOf(type);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('a --config file that does not exist is a usage error naming it', async () => {
    await expect(loadProject({ config: '/nowhere/gradproof.config.ts' })).rejects.toThrow(/cannot read module \/nowhere\/gradproof\.config\.ts: no such file/);
    await expect(loadProject({ config: '/nowhere/gradproof.config.json' })).rejects.toThrow(/cannot read \/nowhere\/gradproof\.config\.json/);
  });
});
