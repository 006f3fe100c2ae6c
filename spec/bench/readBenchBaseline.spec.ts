import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { readBenchBaseline } from '../../src/bench/readBenchBaseline';

const dir = mkdtempSync(join(tmpdir(), 'gradproof-baseline-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('readBenchBaseline', () => {
  it('reads what bench/pytorchTrainSpeed.py --json prints, phase defaulting to train, and names it', () => {
    const path = file(
      'torch.json',
      JSON.stringify([
        {
          experiment: 'cifar/relu-plain',
          phase: 'train',
          examplesPerSecond: 7456,
          samples: [7400, 7500],
          torch: '1.13.0a0',
          threads: 1,
          openblasThreads: 1,
        },
        { experiment: 'cifar/relu-vg', examplesPerSecond: 6449 },
      ]),
    );
    const baseline = readBenchBaseline(path);
    expect(baseline.label).toBe('torch 1.13.0a0, 1 thread');
    expect(baseline.source).toBe(path);
    expect(baseline.entries).toEqual([
      { experiment: 'cifar/relu-plain', phase: 'train', examplesPerSecond: 7456 },
      { experiment: 'cifar/relu-vg', phase: 'train', examplesPerSecond: 6449 },
    ]);
  });

  it('labels a baseline without a torch version by its file', () => {
    const path = file('other.json', JSON.stringify([{ experiment: 'cifar/relu-plain', phase: 'eval', examplesPerSecond: 1 }]));
    expect(readBenchBaseline(path).label).toBe(path);
  });

  it('rejects unreadable, empty and malformed files, naming the file and echoing the bad entry', () => {
    expect(() => readBenchBaseline(join(dir, 'missing.json'))).toThrow(/^bench --against: cannot read .*missing\.json as JSON/);
    expect(() => readBenchBaseline(file('bad.json', '{'))).toThrow(/^bench --against: cannot read .*bad\.json as JSON/);
    expect(() => readBenchBaseline(file('empty.json', '[]'))).toThrow(/must hold a non-empty JSON array .*, got \[\]/);
    expect(() => readBenchBaseline(file('object.json', '{"a":1}'))).toThrow(/got \{"a":1\}/);
    expect(() => readBenchBaseline(file('zero.json', '[{"experiment":"x","examplesPerSecond":0}]'))).toThrow(
      /entry 0 must be .*, got \{"experiment":"x","examplesPerSecond":0\}/,
    );
    expect(() => readBenchBaseline(file('phase.json', '[{"experiment":"x","phase":"fit","examplesPerSecond":3}]'))).toThrow(
      /entry 0 .*"phase":"fit"/,
    );
  });
});
