import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { runChain } from '../../src/experiments/runChain';
import { runExperiment } from '../../src/experiments/runExperiment';
import { withoutTiming } from '../../src/record/withoutTiming';
import { DATA_DIR } from '../support/dataDir';

const common = { seed: 2, dataDir: DATA_DIR, epochs: 1, limit: 64, backend: 'wasm' } as const;

describe('runChain (real data, tiny scale)', () => {
  it('carries one model through the order; its first run is a fresh run but for protocol and chain; nothing leaks', async () => {
    const fresh = await runExperiment({ ...common, experiment: 'gurmukhi/dropout' });
    const seen: string[] = [];
    const before = tf.memory().numTensors;
    const records = await runChain({
      ...common,
      order: ['gurmukhi/dropout', 'gurmukhi/l2-dropout'],
      onStart: (position, exp) => seen.push(`start ${position} ${exp.id}`),
      onRecord: (r) => void seen.push(`record ${r.chain!.position} ${r.experiment}`),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(seen).toEqual(['start 0 gurmukhi/dropout', 'record 0 gurmukhi/dropout', 'start 1 gurmukhi/l2-dropout', 'record 1 gurmukhi/l2-dropout']);
    expect(records.map((r) => [r.protocol, r.chain])).toEqual([
      ['chained', { order: ['gurmukhi/dropout', 'gurmukhi/l2-dropout'], position: 0 }],
      ['chained', { order: ['gurmukhi/dropout', 'gurmukhi/l2-dropout'], position: 1 }],
    ]);
    expect(records[1]!.weights!.startSha256).toBe(records[0]!.weights!.endSha256);
    // The model comes from its seed in one place (createModel), fresh or chained: bit for bit the same run.
    const { protocol: _p, chain: _c, ...first } = withoutTiming(records[0]!);
    const { protocol: _q, ...alone } = withoutTiming(fresh);
    expect(JSON.stringify(first)).toBe(JSON.stringify(alone));
  });

  it('refuses a chain that cannot carry one model before running anything', async () => {
    await expect(runChain({ ...common, order: ['gurmukhi/dropout', 'cifar/relu-plain'] })).rejects.toThrow(/^runChain: cannot chain gurmukhi\/dropout and cifar\/relu-plain/);
  });
});
