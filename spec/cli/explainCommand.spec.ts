import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../support/dataDir';
import { runBin } from '../support/runBin';

describe('gradproof explain, as a user runs it', () => {
  it('prints a ranking, the best with its evidence and a verdict; writes explain.json, .md and .svg; a rerun reuses the records', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'gp-explain-cli-')), 'explain');
    const argv = ['explain', '--only', 'gurmukhi/dropout,gurmukhi/l2-dropout', '--seeds', '2', '--epochs', '1', '--limit', '64', '--families', 'warm,metrics', '--data', DATA_DIR, '--out', out];
    const r = await runBin(argv);
    expect(r.stderr).toContain('explain: job 1/4: gurmukhi/dropout seed 0 (2 runs)');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/explain: 8 figures of gurmukhi\/dropout, gurmukhi\/l2-dropout; 24 hypotheses over seeds 0, 1 \(8 runs, 1 epochs, limit 64/);
    expect(r.stdout).toMatch(/ rank +log-lik +±2σ +>3σ +hypothesis\n +1 /);
    expect(r.stdout).toMatch(/protocol as written \(fresh\): rank \d+/);
    expect(r.stdout).toMatch(/^verdict: /m);
    for (const f of ['explain.json', 'explain.md', 'explain.svg']) expect(existsSync(path.join(out, f))).toBe(true);
    expect(existsSync(path.join(out, 'runs/chosen/new/seed-1/gurmukhi-l2-dropout+gurmukhi-dropout.json'))).toBe(true);
    const again = await runBin(argv);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('explain: job');
    expect(JSON.parse(await readFile(path.join(out, 'explain.json'), 'utf8')).best.id).toBe(again.stdout.match(/^best: (.*)$/m)![1]);
  });

  it('a bad flag is a usage error that echoes it, and runs nothing', async () => {
    const r = await runBin(['explain', '--families', 'warm,lr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('explain: --families takes warm, carried, metrics, dropout=p:q or fresh, got "lr"');
  });
});
