import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/DataError';
import { SchemaError } from '../../src/errors/SchemaError';
import { readSubmittedRuns } from '../../src/grade/logs/readSubmittedRuns';
import { fakeRecord } from '../support/fakeRecord';
import { GOLDENS, REPORT } from './gradeFixtures';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gradproof-runs-'));

describe('readSubmittedRuns', () => {
  it("reads the report's four logs as four matched runs of ten epochs", async () => {
    const { runs, notes } = await readSubmittedRuns(REPORT, GOLDENS);
    expect(runs.map((r) => r.experiment)).toEqual(['gurmukhi/dropout', 'gurmukhi/l1-dropout', 'gurmukhi/l1-l2-dropout', 'gurmukhi/l2-dropout']);
    expect(runs.every((r) => r.epochs.size === 10)).toBe(true);
    expect(runs[3]!.epochs.get(1)).toEqual({ trainLoss: 1.9639, trainAcc: 0.864, testAcc: 0.7472, gradNorm: 1.5984 });
    expect(notes).toEqual([]);
  });

  it('notes runs it cannot match or that have no epochs', async () => {
    const f = path.join(tmp(), 'log.txt');
    writeFileSync(f, 'Training with something else\nEpoch [1/2] - Loss: 1, Train Acc: 50.00%, Test Acc: 40.00%, Grad Norm: 1\nTraining with L2\n');
    const { runs, notes } = await readSubmittedRuns(f, GOLDENS);
    expect(runs).toEqual([]);
    expect(notes).toEqual(['log.txt: "Training with something else" matches no experiment (name one, e.g. "Training with gurmukhi/l2-dropout")', 'log.txt: "Training with L2" has no epoch lines']);
  });

  it('reads run records (one, an array, or a folder), keeping --limit', async () => {
    const d = tmp();
    const rec = fakeRecord('gurmukhi/l2-dropout', 3, [{ testAcc: 0.9 }], { config: { ...fakeRecord('gurmukhi/l2-dropout', 3, [{}]).config, limit: 64 } });
    writeFileSync(path.join(d, 'one.json'), JSON.stringify(rec));
    writeFileSync(path.join(d, 'many.jsonl'), JSON.stringify([rec, fakeRecord('gurmukhi/dropout', 0, [{ testAcc: 0.5 }])]));
    const one = await readSubmittedRuns(path.join(d, 'one.json'), GOLDENS);
    expect(one.runs[0]).toMatchObject({ experiment: 'gurmukhi/l2-dropout', limit: 64, matchedBy: 'run record', source: 'one.json (seed 3)' });
    expect(one.runs[0]!.epochs.get(1)?.testAcc).toBe(0.9);
    expect((await readSubmittedRuns(path.join(d, 'many.jsonl'), GOLDENS)).runs.map((r) => r.experiment)).toEqual(['gurmukhi/l2-dropout', 'gurmukhi/dropout']);
  });

  it('throws named errors for a missing file, bad JSON, an invalid record (with its JSON path) and a malformed epoch line', async () => {
    const d = tmp();
    await expect(readSubmittedRuns(path.join(d, 'nope.log'), GOLDENS)).rejects.toThrow(/grade: cannot read .*nope\.log \(ENOENT\)/);
    writeFileSync(path.join(d, 'bad.json'), '{"schemaVersion": 1,');
    await expect(readSubmittedRuns(path.join(d, 'bad.json'), GOLDENS)).rejects.toThrow(DataError);
    const broken = fakeRecord('gurmukhi/dropout', 0, [{ testAcc: 97.2 }]);
    writeFileSync(path.join(d, 'broken.json'), JSON.stringify(broken));
    const err = await readSubmittedRuns(path.join(d, 'broken.json'), GOLDENS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SchemaError);
    expect((err as SchemaError).jsonPath).toBe('$.epochs[0].testAcc');
    writeFileSync(path.join(d, 'torn.log'), 'Training with L2\nEpoch [1/10] - Loss: 0.5, Train Acc: 9');
    await expect(readSubmittedRuns(path.join(d, 'torn.log'), GOLDENS)).rejects.toThrow(/torn\.log:2: malformed epoch line/);
  });

  it('refuses a symbolic link to a file (a staff log, say) without reading or quoting it', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'staff.md'), 'Training with gurmukhi/l2-dropout\nEpoch [1/10] - Loss: 0.1, Train Acc: 99.00%, Test Acc: 99.00%, Grad Norm: 1\nSECRET');
    symlinkSync(path.join(d, 'staff.md'), path.join(d, 'y.md'));
    const e = await readSubmittedRuns(path.join(d, 'y.md'), GOLDENS).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as Error).message).toBe(`grade: --log ${path.join(d, 'y.md')} is a symbolic link; hand in the file itself`);
  });

  it('walks a folder of run records without following links: linked records and folders are skipped with a note', async () => {
    const d = tmp();
    const staff = tmp();
    writeFileSync(path.join(staff, 'staff.json'), JSON.stringify(fakeRecord('gurmukhi/dropout', 9, [{ testAcc: 0.99 }])));
    mkdirSync(path.join(d, 'runs'));
    writeFileSync(path.join(d, 'runs', 'mine.json'), JSON.stringify(fakeRecord('gurmukhi/l2-dropout', 1, [{ testAcc: 0.9 }])));
    symlinkSync(path.join(staff, 'staff.json'), path.join(d, 'runs', 'linked.json'));
    symlinkSync(staff, path.join(d, 'staff'));
    const { runs, notes } = await readSubmittedRuns(d, GOLDENS);
    expect(runs.map((r) => r.experiment)).toEqual(['gurmukhi/l2-dropout']);
    expect(notes).toEqual([`${d}: runs/linked.json: skipped, a symbolic link (only regular files are read)`, `${d}: staff: skipped, a symbolic link (only regular files are read)`]);
  });

  it('refuses JSON nested too deep before parsing it, and more than 1000 runs in one file', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'deep.json'), `${'['.repeat(65)}${']'.repeat(65)}`);
    await expect(readSubmittedRuns(path.join(d, 'deep.json'), GOLDENS)).rejects.toThrow(/^grade: .*deep\.json nests \[ and \{ more than 64 levels deep/);
    writeFileSync(path.join(d, 'many.log'), 'Training with L2\n'.repeat(1001));
    await expect(readSubmittedRuns(path.join(d, 'many.log'), GOLDENS)).rejects.toThrow(/holds more than 1000 "Training with" sections/);
  });

  it('reads a record with many epochs in linear time (each epoch once)', async () => {
    const d = tmp();
    const rec = fakeRecord('gurmukhi/l2-dropout', 3, Array.from({ length: 20_000 }, () => ({ testAcc: 0.5 })));
    writeFileSync(path.join(d, 'long.json'), JSON.stringify(rec));
    const { runs } = await readSubmittedRuns(path.join(d, 'long.json'), GOLDENS);
    expect(runs[0]!.epochs.size).toBe(20_000);
  });
});
