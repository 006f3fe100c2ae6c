import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/commands/checkCommand';
import { DataError } from '../../src/errors/DataError';
import { UsageError } from '../../src/errors/UsageError';
import type { RunRecord } from '../../src/record/RunRecord';
import { writeRunRecord } from '../../src/record/runRecordIO';
import { writeJsonAtomic } from '../../src/record/writeJsonAtomic';
import { buildShardManifest } from '../../src/reproduce/buildShardManifest';
import { runRecordPath } from '../../src/reproduce/planRuns';
import { captureStream } from '../support/captureStream';
import { fakeRecord } from '../support/fakeRecord';

const SWEEP = { protocol: 'fresh', only: 'gurmukhi/dropout', seeds: 3, epochs: 1, limit: 64 } as const;
const rec = (seed: number, extra: Partial<RunRecord> = {}) => fakeRecord('gurmukhi/dropout', seed, [{ testAcc: 0.9 + seed / 100 }], extra);

/** A results folder holding `records` where reproduce puts them, and, for a shard, its manifest. */
async function folder(records: readonly RunRecord[], shard?: { k: number; n: number; seeds: number[] }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gp-check-'));
  for (const r of records) await writeRunRecord(runRecordPath(dir, r.experiment, r.seed), r);
  if (shard) {
    const jobs = shard.seeds.map((seed) => ({ experiment: 'gurmukhi/dropout', seed }));
    await writeJsonAtomic(path.join(dir, 'shard.json'), buildShardManifest(SWEEP, shard, jobs, 3));
  }
  return dir;
}

async function check(...args: string[]) {
  const out = captureStream();
  const err = captureStream();
  const code = await checkCommand(args, out, err);
  return { code, out: out.text(), err: err.text() };
}

describe('gradproof check', () => {
  it('prints a summary of the card, every entry with --verbose, the card as JSON with --json', async () => {
    const dir = await folder([rec(0), rec(1), rec(2)]);
    const brief = await check('--results', dir);
    expect(brief.code).toBe(0);
    expect(brief.err).toBe('');
    const lines = brief.out.trim().split('\n');
    expect(lines[0]).toMatch(/^report card: \d+ reproduced, \d+ not reproduced, \d+ inconclusive, \d+ not measured .*; \d+ entries$/);
    expect(lines[1]).toMatch(/^gate: \d+\/\d+ measured gating entries reproduced/);
    expect(lines.at(-1)).toBe('the whole card: not written to a file by check; add --verbose for every entry (--json for the card as JSON)');
    const json = await check('--results', dir, '--json');
    const card = JSON.parse(json.out) as { id: string }[];
    const verbose = await check('--results', dir, '--verbose');
    expect(verbose.out.split('\n').filter((l) => /^(reproduced|not-reproduced|inconclusive) /.test(l))).toHaveLength(card.length);
  });

  it('merges several folders (--results A B and --results A --results B) into the card of one folder holding them all', async () => {
    const whole = await folder([rec(0), rec(1), rec(2)]);
    const a = await folder([rec(0)]);
    const b = await folder([rec(1), rec(2)]);
    const one = (await check('--results', whole, '--json')).out;
    expect((await check('--results', a, b, '--json')).out).toBe(one);
    const twice = await check('--results', a, '--results', b, '--json');
    expect(twice.out).toBe(one);
    expect(twice.err).toBe('');
    // The same folder twice, or a folder and one inside it: the same files, read once.
    const same = await check('--results', whole, whole, path.join(whole, 'runs'), '--json');
    expect(same.out).toBe(one);
    expect(same.err).toBe('');
  });

  it('counts a copy once and says so; reports records from several versions and backends', async () => {
    const a = await folder([rec(0), rec(1)]);
    const b = await folder([rec(1, { timing: { startedAt: '2027-05-05T00:00:00.000Z', finishedAt: '2027-05-05T00:00:09.000Z', seconds: 9, trainExamplesPerSecond: 3 } })]);
    const other = rec(2, { versions: { gradproof: '0.2.0', node: 'v22' }, backend: { name: 'wasm', kernelPatches: [] } });
    const c = await folder([other]);
    const r = await check('--results', a, b, c, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toContain('gradproof check: 1 record found again in another file with the same content (timing aside); counted once');
    expect(r.err).toContain(
      'gradproof check: the records come from 2 gradproof versions (0.1.0: 2 records, 0.2.0: 1 record) and 2 backends (cpu: 2 records, wasm: 1 record); the card pools them all',
    );
    // Judged as one folder holding the three records would be.
    expect(r.out).toBe((await check('--results', await folder([rec(0), rec(1), other]), '--json')).out);
  });

  it('refuses one job with two different results, naming both files', async () => {
    const a = await folder([rec(0)]);
    const b = await folder([{ ...rec(0), epochs: rec(0).epochs.map((e) => ({ ...e, trainLoss: 2 })) }]);
    const files = [a, b].map((d) => runRecordPath(d, 'gurmukhi/dropout', 0));
    await expect(check('--results', a, b)).rejects.toThrow(DataError);
    await expect(check('--results', a, b)).rejects.toThrow(`results: ${files[0]} and ${files[1]} both hold gurmukhi/dropout seed 0 (fresh) but differ at epochs[0].trainLoss (1 vs 2)`);
  });

  it('says a sharded sweep is complete, or names the shards and runs it lacks and exits 1', async () => {
    const s1 = await folder([rec(0), rec(2)], { k: 1, n: 2, seeds: [0, 2] });
    const s2 = await folder([rec(1)], { k: 2, n: 2, seeds: [1] });
    const all = await check('--results', s1, s2);
    expect(all.code).toBe(0);
    expect(all.err).toBe("gradproof check: sweep `gradproof reproduce --only 'gurmukhi/dropout' --seeds 3 --epochs 1 --limit 64` in 2 shards: all 2 shards given, all 3 runs there\n");
    const lacking = await check('--results', s1);
    expect(lacking.code).toBe(1);
    expect(lacking.err).toMatch(/^gradproof check: INCOMPLETE sweep `[^`]+` in 2 shards: shard 2\/2 not given; what they measure counts as not measured, so check exits 1\n$/);
    const failedRun = await folder([rec(0)], { k: 1, n: 2, seeds: [0, 2] });
    const r = await check('--results', failedRun, s2, '--json');
    expect(r.code).toBe(1);
    expect(r.err).toContain('INCOMPLETE sweep');
    expect(r.err).toContain('no record of gurmukhi/dropout seed 2 (shard 1/2)');
    expect(() => JSON.parse(r.out)).not.toThrow(); // stdout stays the card alone
  });

  it('needs --results and at least one record', async () => {
    await expect(check('--json')).rejects.toThrow(UsageError);
    await expect(check('--json')).rejects.toThrow(/^gradproof check: --results DIR is required; usage: gradproof check --results DIR/);
    const empty = await mkdtemp(path.join(tmpdir(), 'gp-check-'));
    await expect(check('--results', empty)).rejects.toThrow(`gradproof check: no run records under ${empty}`);
  });
});
