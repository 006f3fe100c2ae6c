import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { captureStream } from '../support/captureStream';
import { DATA_DIR } from '../support/dataDir';
import { runBin } from '../support/runBin';


/** The real bin in a child process, as a new user runs it (no GRADPROOF_DATA); never rejects. */
const bin = (...argv: string[]) => runBin(argv, { GRADPROOF_DATA: '' });

describe('gradproof reproduce, as a new user runs it', () => {
  it('with the data folder missing: starts nothing, says what is missing and how to get it, writes nothing, exits non-zero', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gp-repro-cli-'));
    const data = path.join(root, 'data');
    const out = path.join(root, 'res');
    const r = await bin('reproduce', '--only', 'gurmukhi/*,cifar/relu-plain', '--seeds', '2', '--data', data, '--out', out);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`gurmukhi not found in ${data} (that folder does not exist)`);
    expect(r.stderr).toContain(`\`gradproof data fetch gurmukhi --data ${data}\``);
    expect(r.stderr).toContain(`8 runs: gurmukhi not found`);
    expect(r.stderr).toContain(`\`gradproof data fetch cifar10 --data ${data}\``);
    // No card of nothing, no claim of files, no stack trace, no banner; the folder is not even made.
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/report card|report\.html|wrote|\n\s+at |TensorFlow\.js in Node/);
    expect(existsSync(out)).toBe(false);
  });

  it("shows a failed run's own error, counts it as failed, lists it at the end, exits 1, and claims only what it wrote", async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gp-repro-cli-'));
    const data = path.join(root, 'data');
    await mkdir(path.join(data, 'cifar10-jpg', 'train'), { recursive: true }); // CIFAR without its classes
    await mkdir(path.join(data, 'cifar10-jpg', 'test'), { recursive: true });
    await symlink(path.join(DATA_DIR, 'gurmukhi'), path.join(data, 'gurmukhi'));
    const out = path.join(root, 'res');
    const r = await bin('reproduce', '--only', 'gurmukhi/dropout,cifar/relu-plain', '--epochs', '1', '--limit', '100', '--data', data, '--out', out);
    expect(r.code).toBe(1);
    // As it happens: counted as failed, with the child's own words (naming the folder), never "done".
    expect(r.stderr).toMatch(/\[[12]\/2\] cifar\/relu-plain seed 0 FAILED \(exit 2\)[^\n]*\n {4}\S.*cifar10-jpg/);
    expect(r.stderr).toMatch(/\[[12]\/2\] gurmukhi\/dropout seed 0 done/);
    expect(r.stderr).not.toMatch(/cifar\/relu-plain seed 0 done/);
    // At the end: the failure again, then exactly what was written, then what was not.
    const end = r.stderr.slice(r.stderr.indexOf('gradproof reproduce: 1 of 2 runs failed:'));
    const lines = end.trim().split('\n');
    expect(lines[1]).toMatch(/^ {2}cifar\/relu-plain seed 0 \(exit 2\): .*cifar10-jpg/);
    expect(lines[2]).toMatch(
      /^gradproof reproduce: wrote in .*: 1 run record \(runs\/\), the report card \(card\.json, card\.md; \d+ entries\), \d+ plot files \(plots\/\), report\.html$/,
    );
    expect(lines[3]).toMatch(/^gradproof reproduce: not written: the run record of cifar\/relu-plain seed 0/);
    for (const f of ['runs/gurmukhi-dropout/seed-0.json', 'card.json', 'card.md', 'report.html', 'plots']) expect(existsSync(path.join(out, f)), f).toBe(true);
    expect(existsSync(path.join(out, 'runs/cifar-relu-plain'))).toBe(false);
    // Not a terminal: plain lines, no progress bar.
    expect(r.stderr).not.toContain('\x1b[');
  });

  it('with no run finished: builds no card of nothing, says nothing was written, and exits 1', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gp-repro-cli-'));
    const g = path.join(root, 'data', 'gurmukhi');
    for (const split of ['train', 'val']) {
      for (const d of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
        await mkdir(path.join(g, split, d), { recursive: true });
        await cp(path.join(DATA_DIR, 'gurmukhi/train', d, '1.bmp'), path.join(g, split, d, '1.bmp'));
      }
    }
    const corrupt = path.join(g, 'train/1/2.bmp');
    await writeFile(corrupt, Buffer.from('BM this is not a bitmap'));
    const out = path.join(root, 'res');
    const r = await bin('reproduce', '--only', 'gurmukhi/dropout', '--epochs', '1', '--data', path.join(root, 'data'), '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(corrupt);
    expect(r.stderr).toMatch(/no run finished, so there is nothing to judge; nothing was written/);
    expect(r.stderr).not.toMatch(/drawing plots|report card/);
    for (const f of ['card.json', 'card.md', 'report.html', 'plots']) expect(existsSync(path.join(out, f)), f).toBe(false);
  });

  it('prints a short summary of the card, the whole card with --verbose', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'gp-repro-cli-'));
    const args = ['reproduce', '--only', 'gurmukhi/dropout', '--epochs', '1', '--limit', '100', '--data', DATA_DIR, '--out', out];
    const brief = await bin(...args);
    expect(brief.code).toBe(0);
    const card = JSON.parse(await readFile(path.join(out, 'card.json'), 'utf8')) as unknown[];
    const summary = brief.stdout.trim().split('\n');
    expect(summary.length).toBeLessThanOrEqual(12);
    expect(summary[0]).toMatch(/^report card: \d+ reproduced, \d+ not reproduced, \d+ inconclusive, \d+ not measured .*; \d+ entries$/);
    expect(summary[1]).toMatch(/^gate: \d+\/\d+ measured gating entries reproduced/);
    expect(summary.at(-1)).toBe(`the whole card: ${path.join(out, 'card.md')} (or run with --verbose)`);
    expect(brief.stderr).toMatch(/wrote in .*: 1 run record \(runs\/\), the report card/);

    const verbose = await bin(...args, '--verbose');
    expect(verbose.code).toBe(0);
    const entries = verbose.stdout.split('\n').filter((l) => /^(reproduced|not-reproduced|inconclusive) /.test(l));
    expect(entries).toHaveLength(card.length);
    // The second call resumed: nothing ran again, and it says so.
    expect(verbose.stderr).toContain('no new run record (1 there already and kept)');
  });
});

describe('gradproof reproduce --shard', () => {
  it.each(['0/3', '4/3', '1/0', '3', 'a/b', '1/3/3', ' ', '-1/2'])('refuses --shard %j before running anything, echoing it', async (value) => {
    const out = captureStream();
    const err = captureStream();
    const root = await mkdtemp(path.join(tmpdir(), 'gp-repro-cli-'));
    const code = await main(['reproduce', '--shard', value, '--out', path.join(root, 'res')], out, err);
    expect(code).toBe(2);
    expect(err.text()).toBe(`gradproof reproduce: --shard must be k/n with 1 <= k <= n <= 10000, got ${JSON.stringify(value)}\n`);
    expect(existsSync(path.join(root, 'res'))).toBe(false);
  });

  it('a shard with no job (fewer jobs than shards) runs nothing, says so, records which shard it is, and exits 0', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'gp-repro-cli-'));
    const r = await bin('reproduce', '--only', 'gurmukhi/dropout', '--shard', '2/2', '--epochs', '1', '--data', DATA_DIR, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^shard 2\/2: 0 of 1 runs /);
    expect(r.stderr).toContain(`gradproof reproduce: shard 2/2 holds none of the 1 jobs (fewer jobs than shards); wrote in ${out}: shard.json (shard 2/2, 0 of 1 jobs)`);
    expect(JSON.parse(await readFile(path.join(out, 'shard.json'), 'utf8'))).toMatchObject({ shard: { k: 2, n: 2 }, jobs: [], of: 1 });
    for (const f of ['runs', 'card.json', 'report.html']) expect(existsSync(path.join(out, f)), f).toBe(false);
  });
});
