import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GOLDEN_DIR, loadGoldenDir } from '../../src/golden/loadGoldenDir';
import { SchemaError } from '../../src/errors/SchemaError';
import { DataError } from '../../src/errors/DataError';
import { DATA_DIR } from '../support/dataDir';

const REPORT = path.resolve(DATA_DIR, '../REPORT.md');

describe('golden files', () => {
  it('hold all 160 Q2 figures with verbatim provenance and a band around the reported value', async () => {
    const goldens = await loadGoldenDir();
    const report = await readFile(REPORT, 'utf8');
    const figures = goldens.flatMap((g) => g.figures);
    expect(figures).toHaveLength(160);
    expect(new Set(figures.map((f) => f.id)).size).toBe(160);
    for (const f of figures) {
      expect(report.includes(f.quote), `${f.id}: ${f.quote}`).toBe(true);
      expect(f.band.lo, f.id).toBeLessThanOrEqual(f.reported);
      expect(f.band.hi, f.id).toBeGreaterThanOrEqual(f.reported);
      expect(f.band.reason, f.id).toMatch(/σ = .* run-to-run sd/);
    }
    // The report's figure is in the quote, printed as the report prints it (accuracies in %).
    const l2 = figures.find((f) => f.id === 'gurmukhi/l2-dropout/epoch-1/testAcc')!;
    expect(l2.reported).toBe(0.7472);
    expect(l2.quote).toContain('Test Acc: 74.72%');
  });

  it('hold the Q1 claims with quotes from the report', async () => {
    const cifar = (await loadGoldenDir()).find((g) => g.experiment === 'cifar')!;
    const report = (await readFile(REPORT, 'utf8')).replace(/\s+/g, ' ');
    expect(cifar.section).toBe('Q1');
    expect(cifar.claims.map((c) => c.id)).toContain('cifar/claim/sigmoid-vg-gradients-reach-1e-14');
    for (const c of cifar.claims) for (const piece of c.quote.split(' … ')) expect(report.includes(piece.replace(/\s+/g, ' ')), `${c.id}: ${piece}`).toBe(true);
  });

  it('a malformed golden file is refused with the JSON path of the problem', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gp-golden-'));
    const good = JSON.parse(await readFile(path.join(DEFAULT_GOLDEN_DIR, 'gurmukhi-dropout.json'), 'utf8'));
    good.figures[3].band.lo = 'low';
    await writeFile(path.join(dir, 'g.json'), JSON.stringify(good));
    await expect(loadGoldenDir(dir)).rejects.toBeInstanceOf(SchemaError);
    await expect(loadGoldenDir(dir)).rejects.toThrow(/\$\.figures\[3\]\.band\.lo: must be number, got "low"/);
    good.figures[3].band.lo = 0;
    good.figures[3].id = 'gurmukhi/dropout/epoch-9/testAcc';
    await writeFile(path.join(dir, 'g.json'), JSON.stringify(good));
    await expect(loadGoldenDir(dir)).rejects.toThrow(/\$\.figures\[3\]\.id: expected "gurmukhi\/dropout\/epoch-1\/gradNorm"/);
    await writeFile(path.join(dir, 'g.json'), '{ not json');
    await expect(loadGoldenDir(dir)).rejects.toBeInstanceOf(DataError);
  });
});
