import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/DataError';
import { prepareSubmission } from '../../src/sandbox/prepareSubmission';
import { fixture } from './sandboxFixture';

describe('prepareSubmission', () => {
  it('copies the module alone into a fresh private folder, and cleanup removes it', async () => {
    const p = await prepareSubmission(fixture('good.mjs'));
    expect(path.dirname(p.entry)).toBe(p.dir);
    expect(readdirSync(p.dir)).toEqual(['submission.mjs']);
    expect(readFileSync(p.entry, 'utf8')).toBe(readFileSync(fixture('good.mjs'), 'utf8'));
    await p.cleanup();
    expect(existsSync(p.dir)).toBe(false);
  });

  it('keeps CommonJS as .cjs and strips TypeScript types', async () => {
    const cjs = await prepareSubmission(fixture('commonjs.cjs'));
    expect(path.basename(cjs.entry)).toBe('submission.cjs');
    const ts = await prepareSubmission(fixture('typed.ts'));
    expect(readFileSync(ts.entry, 'utf8')).not.toMatch(/: number\[\]\[\]|type Rows/);
    await Promise.all([cjs.cleanup(), ts.cleanup()]);
  });

  it('names the file when it is missing, a folder, of the wrong kind, too big, or not compilable TypeScript', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gradproof-prep-'));
    const big = path.join(dir, 'big.mjs');
    writeFileSync(big, 'x'.repeat(1024 * 1024 + 1));
    const py = path.join(dir, 'sub.py');
    writeFileSync(py, 'def l1(): pass');
    const badTs = path.join(dir, 'bad.ts');
    writeFileSync(badTs, 'export const l1 = (p: number[][ => 0;');
    await expect(prepareSubmission(path.join(dir, 'nope.mjs'))).rejects.toThrow(/prepareSubmission: cannot read .*nope\.mjs \(ENOENT\)/);
    await expect(prepareSubmission(dir)).rejects.toThrow(/is not a file/);
    await expect(prepareSubmission(py)).rejects.toThrow(/expected a \.js, \.mjs, \.cjs or \.ts module, got "\.py"/);
    await expect(prepareSubmission(big)).rejects.toThrow(/over the 1048576-byte limit/);
    await expect(prepareSubmission(badTs)).rejects.toThrow(DataError);
    await expect(prepareSubmission(badTs)).rejects.toThrow(/bad\.ts:1:\d+: cannot compile/);
  });
});
