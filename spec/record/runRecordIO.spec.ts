import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunRecord, validateRunRecord, writeRunRecord } from '../../src/record/runRecordIO';
import type { RunRecord } from '../../src/record/RunRecord';
import { SchemaError } from '../../src/errors/SchemaError';
import { DataError } from '../../src/errors/DataError';
import { generatedTypes, SCHEMA_TYPES } from '../../src/record/generatedTypes';

export const sampleRecord = (): RunRecord => ({
  schemaVersion: 1,
  experiment: 'gurmukhi/dropout',
  seed: 0,
  protocol: 'fresh',
  backend: { name: 'cpu', requested: 'cpu', kernelPatches: [] },
  versions: { gradproof: '0.1.0', node: 'v20' },
  config: {
    model: { inputSize: 4, hidden: [3], outputSize: 2, activation: 'relu', batchNorm: false, init: 'torch-default', dropout: 0.2 },
    optimizer: { kind: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
    penalties: [],
    epochs: 1,
    batchSize: 2,
    limit: null,
    data: { dataset: 'gurmukhi', source: '/data/gurmukhi', trainCount: 4, testCount: 2 },
  },
  epochs: [
    {
      epoch: 1, trainLoss: 0.7, trainAcc: 0.5, testLoss: 0.6, testAcc: 1, gradNorm: 0.3,
      gradNormFirstBatch: 0.4, gradNormLastBatch: 0.2, layerGradNorms: { firstBatch: [0.1, 0.2], mean: [0.1, 0.1] }, seconds: 0.1,
    },
  ],
  timing: { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.000Z', seconds: 1, trainExamplesPerSecond: 4 },
});

describe('run records', () => {
  it('round-trip through an atomic write and a validated read, leaving no temporary files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gp-rec-'));
    const file = join(dir, 'sub', 'r.json');
    await writeRunRecord(file, sampleRecord());
    expect(await readRunRecord(file)).toEqual(sampleRecord());
    expect(await readdir(join(dir, 'sub'))).toEqual(['r.json']);
  });

  it('name the JSON path and the bad value of a schema violation', () => {
    const bad = sampleRecord();
    (bad.epochs[0] as { testAcc: number }).testAcc = 97.2;
    expect(() => validateRunRecord(bad)).toThrow(SchemaError);
    expect(() => validateRunRecord(bad)).toThrow(/\$\.epochs\[0\]\.testAcc: must be <= 1, got 97\.2/);
    const extra = { ...sampleRecord(), surprise: 1 };
    expect(() => validateRunRecord(extra)).toThrow(/\$: unknown property "surprise"/);
  });

  it('refuse to write an invalid record, and the target is not created', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gp-rec-'));
    const bad = { ...sampleRecord(), seed: -1 };
    await expect(writeRunRecord(join(dir, 'r.json'), bad)).rejects.toThrow(/\$\.seed/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('report unreadable and non-JSON files as data errors naming the path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gp-rec-'));
    await expect(readRunRecord(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json \(ENOENT\)/);
    await writeFile(join(dir, 'trunc.json'), '{"schemaVersion": 1,');
    await expect(readRunRecord(join(dir, 'trunc.json'))).rejects.toBeInstanceOf(DataError);
    await expect(readRunRecord(join(dir, 'trunc.json'))).rejects.toThrow(/trunc\.json is not JSON/);
  });

  it('TypeScript types have not drifted from the JSON Schema (run `npm run gen:types`)', async () => {
    for (const entry of SCHEMA_TYPES) {
      expect(await readFile(entry.output, 'utf8')).toBe(await generatedTypes(entry.schema));
    }
  });
});
