import { describe, expect, it } from 'vitest';
import { buildReportCard } from '../../src/card/buildReportCard';
import { runExperiment } from '../../src/experiments/runExperiment';
import { loadGoldenDir } from '../../src/golden/loadGoldenDir';
import { DATA_DIR } from '../support/dataDir';

// Q1's gating claims through the golden path, on real CIFAR-10 at reduced scale: the claims read
// the first batch's gradients, which do not depend on how long the net trains. Full scale lives in
// the slow suite.
describe('Q1 gating claims on real CIFAR-10 (reduced scale)', () => {
  it('sigmoid-vg reaches ~1e-14 at the first layer and batch norm + Xavier restores it; scale-bound claims stay inconclusive', async () => {
    const common = { seed: 1, dataDir: DATA_DIR, epochs: 1, limit: 256 } as const;
    const records = [
      await runExperiment({ ...common, experiment: 'cifar/sigmoid-vg' }),
      await runExperiment({ ...common, experiment: 'cifar/sigmoid-bn' }),
    ];
    const card = buildReportCard(await loadGoldenDir(), records);
    const byId = new Map(card.map((e) => [e.id, e]));
    for (const id of ['cifar/claim/sigmoid-vg-gradients-reach-1e-14', 'cifar/claim/sigmoid-bn-restores-gradients']) {
      expect(byId.get(id)!.gating).toBe(true);
      expect(byId.get(id)!.verdict, `${id}: ${byId.get(id)!.reason}`).toBe('reproduced');
    }
    expect(byId.get('cifar/claim/relu-beats-tanh-beats-sigmoid-accuracy')!.missing).toBe(true);
  }, 300_000);
});
