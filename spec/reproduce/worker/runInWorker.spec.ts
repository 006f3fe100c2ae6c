import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChildRunError } from '../../../src/errors/ChildRunError';
import { getExperiment } from '../../../src/experiments/getExperiment';
import { loadProject } from '../../../src/experiments/loadProject';
import { runExperiment } from '../../../src/experiments/runExperiment';
import { readRunRecord } from '../../../src/record/runRecordIO';
import { withoutTiming } from '../../../src/record/withoutTiming';
import { killWorkers, runInWorker } from '../../../src/reproduce/worker/runInWorker';
import type { WorkerJob } from '../../../src/reproduce/worker/WorkerJob';
import type { WorkerMessage } from '../../../src/reproduce/worker/WorkerMessage';
import { DATA_DIR } from '../../support/dataDir';
import { barProject, writeBarImages } from '../../support/imageFolderProject';

const fresh = (experiment: string, out: string, extra: Partial<WorkerJob> = {}): WorkerJob => ({
  protocol: 'fresh',
  runs: [{ experiment, out }],
  seed: 3,
  epochs: 1,
  limit: 128,
  backend: 'auto',
  dataDir: DATA_DIR,
  configPath: null,
  ...extra,
});

// Real worker processes (tsx on the sources, as a clone runs them).
describe('runInWorker', () => {
  it("a worker's record equals an in-process runExperiment's byte for byte apart from timing, and is the file it wrote", async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'gp-worker-')), 'r.json');
    const heard: WorkerMessage['kind'][] = [];
    const [record] = await runInWorker(fresh('gurmukhi/l2-dropout', out), (m) => heard.push(m.kind));
    const here = await runExperiment({ experiment: 'gurmukhi/l2-dropout', seed: 3, epochs: 1, limit: 128, backend: 'auto', dataDir: DATA_DIR });
    expect(JSON.stringify(withoutTiming(record!))).toBe(JSON.stringify(withoutTiming(here)));
    expect(await readRunRecord(out)).toEqual(record);
    expect(heard).toEqual(['started', 'epoch', 'record']);
  });

  it("a project's experiment: the config path reaches the worker, which loads the same experiments", async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gp-worker-project-'));
    await writeBarImages(path.join(root, 'bars'), { train: 6, test: 2 });
    const config = path.join(root, 'gradproof.config.json');
    await writeFile(config, JSON.stringify(barProject()));
    const out = path.join(root, 'r.json');
    const [record] = await runInWorker(fresh('hw/tanh3', out, { configPath: config, limit: 12, dataDir: root }));
    const exp = getExperiment('hw/tanh3', (await loadProject({ config })).experiments);
    const here = await runExperiment({ experiment: exp, seed: 3, epochs: 1, limit: 12, backend: 'auto', dataDir: root });
    expect(JSON.stringify(withoutTiming(record!))).toBe(JSON.stringify(withoutTiming(here)));
  });

  it('a worker that fails reports the real error (exit 2, the message naming the folder) and writes nothing', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gp-worker-'));
    const data = path.join(root, 'data');
    await mkdir(path.join(data, 'gurmukhi'), { recursive: true });
    const out = path.join(root, 'r.json');
    const failed = runInWorker(fresh('gurmukhi/dropout', out, { dataDir: data }));
    await expect(failed).rejects.toBeInstanceOf(ChildRunError);
    const e = (await failed.catch((x: unknown) => x)) as ChildRunError;
    expect(e.ended).toBe('exit 2');
    expect(e.lines.join('\n')).toContain(path.join(data, 'gurmukhi'));
    expect(e.message).toMatch(/^reproduce worker gurmukhi\/dropout seed 3 failed \(exit 2\): /);
    expect(existsSync(out)).toBe(false);
  });

  it('killWorkers ends the workers in flight: the run rejects, killed by SIGTERM, with no record', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'gp-worker-')), 'r.json');
    const running = runInWorker(fresh('gurmukhi/dropout', out, { epochs: 30, limit: 1000 }), (m) => {
      if (m.kind === 'started') killWorkers();
    });
    await expect(running).rejects.toMatchObject({ ended: 'killed by SIGTERM' });
    expect(existsSync(out)).toBe(false);
  });
});
