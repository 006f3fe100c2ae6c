import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoldenFile } from '../../src/golden/GoldenFile';
import { displayedText } from '../../src/golden/logs/displayedText';
import { validateGolden } from '../../src/golden/loadGoldenDir';
import { schemaValidator } from '../../src/record/schemaValidator';
import { fakeRecord } from '../support/fakeRecord';
import { runBin } from '../support/runBin';
import { keras2Epoch, keras3Epoch } from '../golden/logs/kerasLogs';

const ID = 'demo/keras-cifar';
const validate = schemaValidator<GoldenFile>('golden.schema.json');
const bin = (...argv: string[]) => runBin(['golden', 'init', ...argv]);

/** A temporary folder with a Keras 2 fit log of three epochs followed by an evaluate. */
async function kerasLog(): Promise<{ dir: string; log: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gp-golden-init-'));
  const log = path.join(dir, 'fit.log');
  await writeFile(
    log,
    'Model: "sequential"\n' +
      keras2Epoch(1, 3, ['1.8342', '0.3371', '1.6603', '0.4071']) +
      keras2Epoch(2, 3, ['1.5123', '0.4502', '1.4210', '0.4899']) +
      keras2Epoch(3, 3, ['1.3810', '0.5034', '1.3327', '0.5232']) +
      '313/313 [==============================] - 1s 3ms/step - loss: 1.3400 - accuracy: 0.5200\n',
  );
  return { dir, log };
}

describe('gradproof golden init (the real CLI)', () => {
  it('writes a schema-valid golden file from a Keras log, each figure with its file, line and that line as quote; says what it wrote', async () => {
    const { dir, log } = await kerasLog();
    const out = path.join(dir, 'golden', 'keras.json');
    const r = await bin('--log', log, '--experiment', ID, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`golden init: wrote ${out}: 9 figures of ${ID} (trainLoss, trainAcc, testAcc at epochs 1–3)`);
    expect(r.stdout).toContain(`read from ${log} (keras format, run 1 of 1 at line 2), lines 3, 5, 7`);
    expect(r.stdout).toContain('note: testAcc is read from val_accuracy');
    expect(r.stdout).toMatch(/bands: placeholders, not gating \(no seed spread measured\)/);
    expect(r.stdout).toContain('claims: none; write ordering, range and restores claims by hand');

    const written = JSON.parse(await readFile(out, 'utf8'));
    expect(() => validate(written, out)).not.toThrow();
    const g = validateGolden(written, out);
    expect(g.claims).toEqual([]);
    expect(g.section).toBe('demo');
    const lines = (await readFile(log, 'utf8')).split('\n');
    for (const f of g.figures) {
      expect(f.source!.file).toBe(log);
      expect(f.quote, f.id).toBe(displayedText(lines[f.source!.line - 1]!));
      expect(f.gating).toBe(false);
    }
    // The evaluate line after the last epoch is not epoch 3's.
    expect(g.figures.find((f) => f.id === `${ID}/epoch-3/trainLoss`)!.reported).toBe(1.381);
  }, 60_000);

  it('refuses to replace an existing file without --force, and never clobbers it when the new log fails', async () => {
    const { dir, log } = await kerasLog();
    const out = path.join(dir, 'g.json');
    expect((await bin('--log', log, '--experiment', ID, '--out', out)).code).toBe(0);
    const before = await readFile(out, 'utf8');

    const again = await bin('--log', log, '--experiment', ID, '--out', out, '--epochs', 'last');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`gradproof golden init: ${out} exists; pass --force to replace it (or --out FILE for another)\n`);
    expect(await readFile(out, 'utf8')).toBe(before);

    const broken = path.join(dir, 'broken.log');
    await writeFile(broken, 'Epoch 1/1\n10/10 [===] - 1s - loss: nan - accuracy: 0.1000\n');
    const failed = await bin('--log', broken, '--experiment', ID, '--out', out, '--force');
    expect(failed.code).toBe(2);
    expect(failed.stderr).toBe(`parseKerasLog: ${broken}:2: loss: "nan" is not a finite number, so it cannot be a golden figure\n`);
    expect(await readFile(out, 'utf8')).toBe(before);

    const forced = await bin('--log', log, '--experiment', ID, '--out', out, '--epochs', 'last', '--force');
    expect(forced.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).figures.map((f: { epoch: number }) => f.epoch)).toEqual([3, 3, 3]);
  }, 60_000);

  it('with --spread DIR, bands come from the run records of fresh seeds and figures that agree gate', async () => {
    const { dir } = await kerasLog();
    const log = path.join(dir, 'k3.log');
    await writeFile(log, keras3Epoch(1, 2, ['0.8652', '0.4711', '0.8500', '0.4200']) + keras3Epoch(2, 2, ['0.9012', '0.3120', '0.8799', '0.3655']));
    const runs = path.join(dir, 'runs');
    await mkdir(path.join(runs, 'demo'), { recursive: true });
    for (const seed of [0, 1, 2, 3, 4]) {
      const record = fakeRecord(ID, seed, [
        { trainLoss: 0.46 + 0.005 * seed, trainAcc: 0.86 + 0.002 * seed, testAcc: 0.84 + 0.004 * seed },
        { trainLoss: 0.31 + 0.001 * seed, trainAcc: 0.7 + 0.001 * seed, testAcc: 0.87 + 0.004 * seed },
      ]);
      await writeFile(path.join(runs, 'demo', `keras-cifar-seed${seed}.json`), JSON.stringify(record));
    }
    const out = path.join(dir, 'spread.json');
    const r = await bin('--log', log, '--experiment', ID, '--section', 'CIFAR-10', '--spread', runs, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/bands: reported ± 2σ over seeds 0, 1, 2, 3, 4; 5 of 6 figures gate/);
    const g = validateGolden(JSON.parse(await readFile(out, 'utf8')), out);
    expect(g.section).toBe('CIFAR-10');
    expect(g.spread).toMatchObject({ seeds: [0, 1, 2, 3, 4], k: 2 });
    expect(g.figures.every((f) => /σ = .* run-to-run sd of this figure over seeds 0, 1, 2, 3, 4/.test(f.band.reason))).toBe(true);
    // The seeds' epoch-2 train accuracy (about 0.70) is far from the log's 0.9012: not gating.
    expect(g.figures.filter((f) => !f.gating).map((f) => f.id)).toEqual([`${ID}/epoch-2/trainAcc`]);
    expect(g.figures.find((f) => f.id === `${ID}/epoch-2/testAcc`)!.source).toEqual({ file: log, line: 4, field: 'val_accuracy' });
  }, 60_000);

  it('names what is missing or wrong in its arguments', async () => {
    const { log } = await kerasLog();
    expect(await bin('--experiment', ID)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^gradproof golden init: --log FILE is required; usage: gradproof golden update/) });
    expect(await bin('--log', log, '--experiment', ID, '--format', 'tensorboard')).toMatchObject({
      code: 2,
      stderr: 'gradproof golden init: --format must be one of auto, report, keras, csv, got "tensorboard"\n',
    });
    expect(await bin('--log', log, '--experiment', ID, '--epochs', '0,2')).toMatchObject({ code: 2, stderr: expect.stringContaining('--epochs must be all, last or epochs from 1 like 1,5,10, got "0,2"') });
    expect(await bin('--log', `${log}.missing`, '--experiment', ID, '--out', `${log}.json`)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^gradproof golden init: cannot read --log .*fit\.log\.missing \(ENOENT\)/),
    });
  }, 60_000);
});
