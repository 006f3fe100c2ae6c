import { readFile, writeFile, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRunRecordsDir } from '../../src/record/readRunRecordsDir';
import type { RunRecord } from '../../src/record/RunRecord';
import { registerMatchers } from '../../src/matchers/index';
import { validateGolden } from '../../src/golden/loadGoldenDir';
import { barProject, writeBarImages } from '../support/imageFolderProject';
import { runBin } from '../support/runBin';

registerMatchers(expect);

/** A run record's epochs as Keras 2 prints them, as if the report's author had trained in Keras. */
function kerasLog(record: RunRecord, doctor = (v: number, _what: string) => v): string {
  const n = record.epochs.length;
  return record.epochs
    .map((e) => {
      const f = (v: number, what: string) => doctor(v, what).toFixed(4);
      return `Epoch ${e.epoch}/${n}\n8/8 [==============================] - 0s 2ms/step - loss: ${f(e.trainLoss, 'loss')} - accuracy: ${f(e.trainAcc, 'acc')} - val_loss: ${f(e.testLoss, 'loss')} - val_accuracy: ${f(e.testAcc, 'acc')}`;
    })
    .join('\n');
}

/** A run record's epochs in the report's own log format, as a student hands it in. */
function reportLog(id: string, record: RunRecord, doctor = (v: number) => v): string {
  const n = record.epochs.length;
  const pct = (v: number) => (100 * doctor(v)).toFixed(2);
  return [`Training with ${id}`, ...record.epochs.map((e) => `Epoch [${e.epoch}/${n}] - Loss: ${e.trainLoss.toFixed(4)}, Train Acc: ${pct(e.trainAcc)}%, Test Acc: ${pct(e.testAcc)}%, Grad Norm: ${e.gradNorm.toFixed(4)}`)].join('\n') + '\n';
}

// A course's new assignment, as a user would set it up: an image folder of their own, an
// experiment declared in gradproof.config.json, no code of gradproof's touched.
describe('an experiment declared in a project file, through every command', () => {
  let dir: string;
  const cli = (argv: string[]) => runBin(argv, {}, { cwd: dir });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'course-'));
    await writeBarImages(path.join(dir, 'bars'), { train: 40, test: 15 });
    await writeFile(path.join(dir, 'gradproof.config.json'), JSON.stringify(barProject(), null, 2));
  });

  it('is listed, runs, gets a golden file from a Keras log, is judged by check, graded from a log, and matches in a spec', async () => {
    const list = await cli(['list']);
    expect(list.stdout).toMatch(/^hw\/tanh3\s+hw\s+Bars, a three-layer tanh MLP \(image-folder\)$/m);

    const gradcheck = await cli(['gradcheck', 'hw/tanh3']);
    expect(gradcheck.code, gradcheck.stderr).toBe(0);
    expect(gradcheck.stdout).toMatch(/^ok\s+linear2\.weight/m);

    // The "report": one run, with a seed the sweep below does not use, logged the Keras way.
    const one = await cli(['run', 'hw/tanh3', '--seed', '7', '--out', 'report-run.json']);
    expect(one.code, one.stderr).toBe(0);
    const reportRun = JSON.parse(await readFile(path.join(dir, 'report-run.json'), 'utf8')) as RunRecord;
    expect(reportRun).toMatchObject({ experiment: 'hw/tanh3', seed: 7, config: { data: { dataset: 'image-folder', trainCount: 120, testCount: 45 } } });
    // It learned: well above a third (chance) on the held-out images.
    expect(reportRun.epochs.at(-1)!.testAcc).toBeGreaterThan(0.6);
    await writeFile(path.join(dir, 'report.keras.log'), kerasLog(reportRun));

    const sweep = await cli(['reproduce', '--seeds', '5', '--out', 'sweep']);
    expect(sweep.stderr + sweep.stdout).toMatch(/no golden files/i);
    expect(sweep.code, sweep.stderr).toBe(0);
    const records = await readRunRecordsDir(path.join(dir, 'sweep'));
    expect(records.map((r) => r.seed).sort()).toEqual([0, 1, 2, 3, 4]);

    const init = await cli(['golden', 'init', '--log', 'report.keras.log', '--experiment', 'hw/tanh3', '--epochs', 'last', '--spread', 'sweep']);
    expect(init.code, init.stderr).toBe(0);
    const goldenFiles = await readdir(path.join(dir, 'golden'));
    expect(goldenFiles).toHaveLength(1);
    const golden = validateGolden(JSON.parse(await readFile(path.join(dir, 'golden', goldenFiles[0]!), 'utf8')));
    expect(golden.section).toBe('hw');
    expect(golden.figures.map((f) => f.id).sort()).toEqual(['hw/tanh3/epoch-3/testAcc', 'hw/tanh3/epoch-3/trainAcc', 'hw/tanh3/epoch-3/trainLoss']);
    expect(golden.figures.every((f) => f.gating && f.quote.startsWith('8/8 [====='))).toBe(true);

    // An independent run of the same protocol is held to the bands: no gating figure misses.
    const check = await cli(['check', '--results', 'sweep', '--json']);
    const card = JSON.parse(check.stdout) as { id: string; verdict: string }[];
    expect(card.map((e) => e.id).sort()).toEqual(golden.figures.map((f) => f.id).sort());
    expect(card.filter((e) => e.verdict === 'not-reproduced')).toEqual([]);
    expect(check.code).toBe(0);

    // A report whose figures were not what this protocol gives fails the gate, with both numbers.
    await writeFile(path.join(dir, 'doctored.keras.log'), kerasLog(reportRun, (v, what) => (what === 'acc' ? v * 0.5 : v * 3)));
    const doctoredInit = await cli(['golden', 'init', '--log', 'doctored.keras.log', '--experiment', 'hw/tanh3', '--epochs', 'last', '--spread', 'sweep', '--out', 'doctored-golden/hw-tanh3.json']);
    expect(doctoredInit.code, doctoredInit.stderr).toBe(0);
    // Figures the protocol's own seeds miss are findings about the report, so they do not gate.
    expect(doctoredInit.stdout).toMatch(/0 of 3 figures gate/);
    const doctored = await cli(['check', '--results', 'sweep', '--golden', 'doctored-golden']);
    expect(doctored.stdout).toMatch(/report card: 0 reproduced, 3 not reproduced/);
    expect(doctored.stdout).toMatch(/hw\/tanh3\/epoch-3\/testAcc: measured 100\.00% ± 0\.00% \(n = 5\), reported 50\.00%/);

    // A regression against the honest golden fails the gate: the same experiment trained on 9 images.
    const weak = await cli(['reproduce', '--seeds', '2', '--limit', '9', '--out', 'weak']);
    expect(weak.code, weak.stderr).toBe(0);
    const gate = await cli(['check', '--results', 'weak']);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toMatch(/gate: 0\/3 measured gating entries reproduced — FAILING/);

    // Graded from a student's log in the report's format: an honest run scores above a doctored one.
    const student = records.find((r) => r.seed === 3)!;
    await writeFile(path.join(dir, 'honest.log'), reportLog('hw/tanh3', student));
    await writeFile(path.join(dir, 'faked.log'), reportLog('hw/tanh3', student, (v) => Math.min(1, v * 0.3)));
    const honest = await cli(['grade', '--log', 'honest.log', '--out', 'honest.json']);
    const faked = await cli(['grade', '--log', 'faked.log', '--out', 'faked.json']);
    expect(honest.stderr).not.toMatch(/error/i);
    const score = async (f: string) => (JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { score: number }).score;
    expect(await score('honest.json')).toBeGreaterThan(await score('faked.json'));
    expect(faked.code).toBe(1);

    // And the same judgement in a spec of the user's own.
    const goldenDir = path.join(dir, 'golden');
    expect(records).toMatchGolden('hw/tanh3/epoch-3/testAcc', { goldenDir });
    expect(records).not.toMatchGolden('hw/tanh3/epoch-3/testAcc', { goldenDir: path.join(dir, 'doctored-golden') });
  }, 180_000);
});
