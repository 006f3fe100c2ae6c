import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reproduce } from '../../src/reproduce/reproduce';
import { DATA_DIR } from '../support/dataDir';

// The opt-in slow suite (`npm run test:slow`): all 13 experiments at full protocol scale, judged
// by the golden files. GRADPROOF_SLOW_OUT keeps the results (records, card, plots, report.html).
const seeds = Number(process.env.GRADPROOF_SLOW_SEEDS ?? 1);

describe('full-scale reproduction (slow)', () => {
  it(`reproduces all 13 experiments (${seeds} seed(s)); every gating entry holds and every entry is measured`, async () => {
    const outDir = process.env.GRADPROOF_SLOW_OUT ?? (await mkdtemp(path.join(tmpdir(), 'gp-slow-')));
    const result = await reproduce({
      outDir,
      dataDir: DATA_DIR,
      seeds,
      backend: 'auto',
      protocol: 'fresh',
      log: (line) => process.stderr.write(`${line}\n`),
    });
    expect(result.failed).toEqual([]);
    expect(result.records).toHaveLength(13 * seeds);
    expect(result.card.filter((e) => e.missing)).toEqual([]);
    for (const e of result.card.filter((x) => x.gating)) expect(e.verdict, `${e.id}: ${e.reason}`).toBe('reproduced');
    expect(result.files.some((f) => f.endsWith('report.html'))).toBe(true);
  }, 4 * 60 * 60 * 1000);
});
