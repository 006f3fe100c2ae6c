import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunRecordsDir } from '../../src/record/readRunRecordsDir';
import { reproduce } from '../../src/reproduce/reproduce';
import { DATA_DIR } from '../support/dataDir';

const BIN = path.resolve(import.meta.dirname, '../../bin/gradproof.js');
const ONLY = 'gurmukhi/dropout,gurmukhi/l1-dropout,gurmukhi/l2-dropout';

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(path.join(e.parentPath, e.name));
  return out;
}

describe('reproduce killed with SIGKILL', () => {
  it('resumes with nothing lost and nothing duplicated', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'gp-kill-'));
    const args = [BIN, 'reproduce', '--only', ONLY, '--epochs', '2', '--limit', '200', '--jobs', '1', '--data', DATA_DIR, '--out', out];
    // Its own process group, so the kill takes the in-flight run's child too, as a crash would.
    const child = spawn(process.execPath, args, { stdio: 'ignore', detached: true });
    const first = path.join(out, 'runs', 'gurmukhi-dropout', 'seed-0.json');
    const deadline = Date.now() + 120_000;
    while (!existsSync(first) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(first), 'the first run finished before the kill').toBe(true);
    process.kill(-child.pid!, 'SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const lines: string[] = [];
    const result = await reproduce({
      outDir: out,
      dataDir: DATA_DIR,
      only: ONLY,
      seeds: 1,
      epochs: 2,
      limit: 200,
      backend: 'auto',
      protocol: 'fresh',
      jobs: 1,
      log: (l) => lines.push(l),
    });
    // The finished run was kept, not repeated; the rest ran once each.
    expect(lines.find((l) => /runs planned/.test(l))).toMatch(/3 runs planned, [12] already done, [12] to run/);
    expect(result.failed).toEqual([]);
    const records = await readRunRecordsDir(path.join(out, 'runs'));
    expect(records.map((r) => r.experiment)).toEqual(['gurmukhi/dropout', 'gurmukhi/l1-dropout', 'gurmukhi/l2-dropout']);
    // No temporary or partial files, and the lock is gone.
    const files = await allFiles(out);
    expect(files.filter((f) => /\.tmp$|\.lock$/.test(f))).toEqual([]);
  }, 300_000);
});
