import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { captureStream } from '../support/captureStream';
import { DATA_DIR } from '../support/dataDir';
import { runBin } from '../support/runBin';


async function cli(...argv: string[]) {
  const out = captureStream();
  const err = captureStream();
  const code = await main(argv, out, err);
  return { code, out: out.text(), err: err.text() };
}

/** Runs the real bin in a child process; never rejects, returns the exit code and output. */
const bin = (...argv: string[]) => runBin(argv, { GRADPROOF_DATA: '' });

describe('gradproof CLI', () => {
  it('list names all 13 experiments', async () => {
    const { code, out } = await cli('list');
    expect(code).toBe(0);
    const ids = out
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/)[0]);
    expect(ids).toHaveLength(13);
    expect(ids).toContain('cifar/sigmoid-vg');
    expect(ids).toContain('gurmukhi/l1-l2-dropout');
  });

  it.each(['list', 'run', 'data', 'gradcheck', 'reproduce', 'explain', 'check', 'golden', 'grade', 'bench'])(
    '%s --help prints its usage line and what it does, runs nothing, and exits 0',
    async (command) => {
      for (const flag of ['--help', '-h']) {
        const { code, out, err } = await cli(command, flag);
        expect(code).toBe(0);
        expect(err).toBe('');
        expect(out).toMatch(new RegExp(`^usage: gradproof ${command}\\b`));
        expect(out.split('\n')[2]).toMatch(/^[A-Z].+\.$/);
      }
    },
  );

  it("help lists every command and says how to get one command's help", async () => {
    const { code, out } = await cli('help');
    expect(code).toBe(0);
    for (const command of ['list', 'run', 'data fetch', 'gradcheck', 'reproduce', 'explain', 'check', 'golden update', 'grade', 'bench']) {
      expect(out).toContain(`  gradproof ${command}`);
    }
    expect(out).toContain('gradproof <command> --help');
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['run'], /expected one experiment id, got none/],
    [['run', 'cifar/gelu-plain'], /unknown experiment "cifar\/gelu-plain"; try one of: cifar\/sigmoid-plain/],
    [['run', 'gurmukhi/dropout', '--seed', 'abc'], /--seed must be an integer >= 0, got "abc"/],
    // A negative number is the flag's value, judged by the flag, not parseArgs's three lines.
    [['run', 'gurmukhi/dropout', '--seed', '-1'], /^gradproof run: --seed must be an integer >= 0, got "-1"\n$/],
    [['gradcheck', 'gurmukhi/dropout', '--seed', '-1'], /^gradproof gradcheck: --seed must be an integer >= 0, got "-1"\n$/],
    [['reproduce', '--seeds', '-2'], /^gradproof reproduce: --seeds must be an integer >= 1, got "-2"\n$/],
    [['run', 'gurmukhi/dropout', '--seed', '--out', 'r.json'], /^gradproof run: --seed needs a value, got the option "--out"/],
    [['run', 'gurmukhi/dropout', '--seed'], /^gradproof run: --seed needs a value\n$/],
    [['run', 'gurmukhi/dropout', '--epochs', '0'], /--epochs must be an integer >= 1, got "0"/],
    [['run', 'gurmukhi/dropout', '--wasm-threads', '9'], /gradproof run: --wasm-threads must be an integer in 1\.\.8, got "9"/],
    [['bench', '--wasm-threads', '0'], /gradproof bench: --wasm-threads must be an integer in 1\.\.8, got "0"/],
    [['run', 'gurmukhi/dropout', '--backend', 'gpu'], /--backend must be one of auto\|node\|wasm\|cpu, got "gpu"/],
    [['run', 'gurmukhi/dropout', '--colour'], /gradproof run: Unknown option '--colour'/],
    [['data', 'fetch', 'mnist'], /expected `data fetch cifar10`/],
  ])('%j fails with one line naming the culprit and exit 2', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('a missing data folder ends in one line naming the path, no stack trace', async () => {
    const missing = path.join(tmpdir(), 'gradproof-no-such-folder');
    const r = await bin('run', 'gurmukhi/dropout', '--data', missing, '--backend', 'cpu');
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/gurmukhi not found in .*gradproof-no-such-folder \(that folder does not exist\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a corrupt image and an empty class folder each end in one line naming the path', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gp-cli-'));
    const g = path.join(root, 'gurmukhi');
    for (const split of ['train', 'val']) {
      for (const d of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
        await mkdir(path.join(g, split, d), { recursive: true });
        await cp(path.join(DATA_DIR, 'gurmukhi/train', d, '1.bmp'), path.join(g, split, d, '1.bmp'));
      }
    }
    await writeFile(path.join(g, 'train/1/2.bmp'), Buffer.from('BM this is not a bitmap'));
    const corrupt = await bin('run', 'gurmukhi/dropout', '--data', root, '--backend', 'cpu', '--epochs', '1');
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr.trim().split('\n').at(-1)).toContain(path.join(g, 'train/1/2.bmp'));
    expect(corrupt.stderr).not.toMatch(/\n\s+at /);

    await writeFile(path.join(g, 'train/1/2.bmp'), await readFile(path.join(g, 'train/1/1.bmp')));
    await rm(path.join(g, 'val/2/1.bmp'));
    const empty = await bin('run', 'gurmukhi/dropout', '--data', root, '--backend', 'cpu', '--epochs', '1');
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim().split('\n').at(-1)).toContain(path.join(g, 'val/2'));
  });

  it('run trains on real data, writes a valid record, and the same command twice gives identical epochs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gp-cli-'));
    const args = ['run', 'gurmukhi/l2-dropout', '--epochs', '2', '--limit', '200', '--seed', '3', '--data', DATA_DIR];
    const a = await bin(...args, '--out', path.join(dir, 'a.json'));
    const b = await bin(...args, '--out', path.join(dir, 'b.json'));
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.stdout).toMatch(/Epoch \[2\/2\] - Loss: [\d.]+, Train Acc: [\d.]+%, Test Acc: [\d.]+%, Grad Norm: [\d.]+/);
    const ra = JSON.parse(await readFile(path.join(dir, 'a.json'), 'utf8'));
    const rb = JSON.parse(await readFile(path.join(dir, 'b.json'), 'utf8'));
    expect(ra.config.data).toMatchObject({ dataset: 'gurmukhi', trainCount: 200, testCount: 178 });
    expect(ra.config.penalties).toEqual([{ kind: 'l2', rate: 0.001 }]);
    const strip = (r: { epochs: { seconds: number }[] }) => r.epochs.map(({ seconds: _s, ...rest }) => rest);
    expect(strip(rb)).toStrictEqual(strip(ra));
  });
});
