import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunRecordFiles } from '../../src/record/readRunRecordFiles';
import type { RunRecord } from '../../src/record/RunRecord';
import { withoutTiming } from '../../src/record/withoutTiming';
import { DATA_DIR } from '../support/dataDir';
import { runBin } from '../support/runBin';

/** A tiny sweep: 4 Gurmukhi experiments × 2 seeds, one epoch on 64 examples. */
const SWEEP = ['--only', 'gurmukhi/*', '--seeds', '2', '--epochs', '1', '--limit', '64', '--data', DATA_DIR];
// The same --jobs everywhere: each run then gets the same wasm thread count (cores ÷ jobs, recorded
// in backend.threads) whether it ran in the whole sweep or in a shard of at least two runs.
const JOBS = ['--jobs', '2'];

/** Every leaf path where two JSON values differ (`timing.seconds`, `epochs[0].seconds`). */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${at}[${k}]` : at ? `${at}.${k}` : k),
    );
  }
  return Object.is(a, b) ? [] : [at];
}

describe('reproduce --shard k/n, merged by check --results, equals one unsharded run', () => {
  it('gives the same card and the same records (timing aside), each run in exactly one shard', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gp-shards-'));
    const U = path.join(root, 'U');
    const S = [1, 2, 3].map((k) => path.join(root, `S${k}`));

    // All four at once (as on four CI machines); the shards' flags in another order than U's.
    const [whole, ...parts] = await Promise.all([
      runBin(['reproduce', ...SWEEP, ...JOBS, '--out', U]),
      ...S.map((dir, i) => runBin(['reproduce', '--shard', `${i + 1}/3`, '--out', dir, ...JOBS, ...SWEEP])),
    ]);
    expect(whole!.code, whole!.stderr).toBe(0);
    for (const [i, dir] of S.entries()) {
      const r = parts[i]!;
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^shard ${i + 1}/3: [23] of 8 runs \\(in .*\\); merge all 3 shards' folders with \`gradproof check --results DIR...\`\\n$`));
      expect(r.stderr).toMatch(/gradproof reproduce: wrote in .*: [23] run records \(runs\/\), shard\.json \(shard \d\/3, [23] of 8 jobs\)\n/);
      expect(r.stderr).toMatch(/gradproof reproduce: not written: the report card, plots or report\.html: they need every shard's runs/);
      for (const f of ['card.json', 'card.md', 'report.html', 'plots']) expect(existsSync(path.join(dir, f)), `${dir}/${f}`).toBe(false);
      const manifest = JSON.parse(await readFile(path.join(dir, 'shard.json'), 'utf8')) as { shard: unknown; of: number };
      expect(manifest).toMatchObject({ shard: { k: i + 1, n: 3 }, of: 8 });
    }

    // Every (experiment, seed) in exactly one shard; 3 + 3 + 2 runs (equal costs dealt in turn).
    const unsharded = await readRunRecordFiles(U);
    const shards = await Promise.all(S.map(readRunRecordFiles));
    expect(shards.map((s) => s.length)).toEqual([3, 3, 2]);
    const job = (r: RunRecord) => `${r.experiment} seed ${r.seed}`;
    const sharded = shards.flat();
    expect(sharded.map((f) => job(f.record)).sort()).toEqual(unsharded.map((f) => job(f.record)).sort());
    expect(new Set(sharded.map((f) => job(f.record))).size).toBe(8);

    // Record by record: byte for byte apart from the wall-clock fields.
    const differing = new Set<string>();
    for (const u of unsharded) {
      const s = sharded.find((f) => job(f.record) === job(u.record))!;
      const [uText, sText] = await Promise.all([readFile(u.file, 'utf8'), readFile(s.file, 'utf8')]);
      expect(JSON.stringify(withoutTiming(JSON.parse(sText) as RunRecord)), job(u.record)).toBe(JSON.stringify(withoutTiming(JSON.parse(uText) as RunRecord)));
      for (const d of differences(JSON.parse(uText), JSON.parse(sText))) differing.add(d.replace(/\[\d+\]/g, '[]'));
    }
    // Only when a run started and how long it and its data loading took (machine load, not seed).
    for (const d of differing) expect(['timing.startedAt', 'timing.finishedAt', 'timing.seconds', 'timing.dataSeconds', 'timing.trainExamplesPerSecond', 'epochs[].seconds']).toContain(d);

    // The card: check over the three shard folders equals check over U, entry for entry.
    const one = await runBin(['check', '--results', U, '--json']);
    const merged = await runBin(['check', '--results', S[0]!, S[1]!, '--results', S[2]!, '--json']);
    expect(merged.code).toBe(one.code);
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(one.stdout));
    expect(merged.stdout).toBe(one.stdout);
    expect(merged.stderr).toBe("gradproof check: sweep `gradproof reproduce --only 'gurmukhi/*' --seeds 2 --epochs 1 --limit 64` in 3 shards: all 3 shards given, all 8 runs there\n");
    // ...and equals the card the unsharded reproduce wrote.
    expect(JSON.parse(one.stdout)).toEqual(JSON.parse(await readFile(path.join(U, 'card.json'), 'utf8')));
  });
});
