import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunRecord } from '../../../src/record/runRecordIO';
import { runWorker } from '../../../src/reproduce/worker/runWorker';
import type { WorkerJob } from '../../../src/reproduce/worker/WorkerJob';
import type { WorkerMessage } from '../../../src/reproduce/worker/WorkerMessage';
import { DATA_DIR } from '../../support/dataDir';

// The worker's library entry, in this process: what it sends and writes, without a child process.
const job = (dir: string, extra: Partial<WorkerJob> = {}): WorkerJob => ({
  protocol: 'fresh',
  runs: [{ experiment: 'gurmukhi/dropout', out: path.join(dir, 'a.json') }],
  seed: 1,
  epochs: 2,
  limit: 64,
  backend: 'auto',
  dataDir: DATA_DIR,
  configPath: null,
  ...extra,
});

describe('runWorker', () => {
  it('a fresh job: sends the start, each epoch and the record it wrote atomically; status 0', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gp-worker-'));
    const sent: WorkerMessage[] = [];
    expect(await runWorker(job(dir), (m) => sent.push(m))).toBe(0);
    expect(sent.map((m) => (m.kind === 'epoch' ? `epoch ${m.done}/${m.of}` : m.kind))).toEqual(['started', 'epoch 1/2', 'epoch 2/2', 'record']);
    expect(sent[1]).toMatchObject({ position: 0, line: expect.stringMatching(/^gurmukhi\/dropout Epoch \[1\/2\] - Loss: \d+\.\d{4}, Train Acc: /) });
    const record = sent[3]!.kind === 'record' ? sent[3]!.record : undefined;
    expect(record).toMatchObject({ experiment: 'gurmukhi/dropout', seed: 1, protocol: 'fresh' });
    expect(await readRunRecord(path.join(dir, 'a.json'))).toEqual(record);
  });

  it("a chained job: each run's start and record in order, on one model", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gp-worker-'));
    const runs = [
      { experiment: 'gurmukhi/dropout', out: path.join(dir, '0.json') },
      { experiment: 'gurmukhi/l2-dropout', out: path.join(dir, '1.json') },
    ];
    const sent: WorkerMessage[] = [];
    expect(await runWorker(job(dir, { protocol: 'chained', runs, epochs: 1 }), (m) => sent.push(m))).toBe(0);
    expect(sent.map((m) => `${m.kind} ${'position' in m ? m.position : ''}`)).toEqual(['started 0', 'epoch 0', 'record 0', 'started 1', 'epoch 1', 'record 1']);
    const [a, b] = sent.flatMap((m) => (m.kind === 'record' ? [m.record] : []));
    expect(b!.weights!.startSha256).toBe(a!.weights!.endSha256);
    expect(b!.chain).toEqual({ order: ['gurmukhi/dropout', 'gurmukhi/l2-dropout'], position: 1 });
  });

  it("a failure is sent as the error's own lines, with the CLI's status: 2 for gradproof's errors; nothing is written", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gp-worker-'));
    const sent: WorkerMessage[] = [];
    expect(await runWorker(job(dir, { runs: [{ experiment: 'gurmukhi/nope', out: path.join(dir, 'a.json') }] }), (m) => sent.push(m))).toBe(2);
    expect(sent).toEqual([{ kind: 'failed', lines: [expect.stringMatching(/^unknown experiment "gurmukhi\/nope"; try one of: /)] }]);
    const two = [...job(dir).runs, ...job(dir).runs];
    const again: WorkerMessage[] = [];
    expect(await runWorker(job(dir, { runs: two }), (m) => again.push(m))).toBe(2);
    expect(again).toEqual([{ kind: 'failed', lines: ['reproduce worker: a fresh job runs one experiment, got 2'] }]);
    expect(existsSync(path.join(dir, 'a.json'))).toBe(false);
  });
});
