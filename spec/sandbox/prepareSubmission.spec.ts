import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/DataError';
import { prepareSubmission } from '../../src/sandbox/prepareSubmission';
import { fixture } from './sandboxFixture';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gradproof-prep-'));

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

  it('copies the bytes read, not a UTF-8 round trip of them', async () => {
    const f = path.join(tmp(), 'bytes.mjs');
    const bytes = Buffer.from([0x2f, 0x2f, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a]); // a comment with invalid UTF-8
    writeFileSync(f, bytes);
    const p = await prepareSubmission(f);
    expect(readFileSync(p.entry).equals(bytes)).toBe(true);
    await p.cleanup();
  });

  it('leaves the copy readable by another uid (folder 0755, file 0644) whatever the umask', async () => {
    const was = process.umask(0o077);
    try {
      const p = await prepareSubmission(fixture('good.mjs'));
      expect(statSync(p.dir).mode & 0o777).toBe(0o755);
      expect(statSync(p.entry).mode & 0o777).toBe(0o644);
      await p.cleanup();
    } finally {
      process.umask(was);
    }
  });

  it('refuses a symbolic link (to the staff solution, say) without following it', async () => {
    const d = tmp();
    const solution = path.join(d, 'solution.mjs');
    writeFileSync(solution, 'export const secret = 42;');
    const link = path.join(d, 'submission.mjs');
    symlinkSync(solution, link);
    const e = await prepareSubmission(link).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as Error).message).toBe(`prepareSubmission: ${link} is a symbolic link; hand in the file itself`);
    expect((e as Error).message).not.toContain('solution');
  });

  it('refuses a FIFO at once, without waiting for a writer', async () => {
    const fifo = path.join(tmp(), 'pipe.mjs');
    execFileSync('mkfifo', [fifo]);
    await expect(prepareSubmission(fifo)).rejects.toThrow(`prepareSubmission: ${fifo} is a FIFO, not a regular file`);
  });

  it('refuses a device', async () => {
    await expect(prepareSubmission('/dev/zero')).rejects.toThrow('prepareSubmission: /dev/zero is a character device, not a regular file');
  });

  it('names the file when it is missing, a folder, of the wrong kind, too big, or not compilable TypeScript', async () => {
    const dir = tmp();
    const big = path.join(dir, 'big.mjs');
    writeFileSync(big, 'x'.repeat(1024 * 1024 + 1));
    const py = path.join(dir, 'sub.py');
    writeFileSync(py, 'def l1(): pass');
    const badTs = path.join(dir, 'bad.ts');
    writeFileSync(badTs, 'export const l1 = (p: number[][ => 0;');
    await expect(prepareSubmission(path.join(dir, 'nope.mjs'))).rejects.toThrow(/prepareSubmission: cannot read .*nope\.mjs \(ENOENT\)/);
    await expect(prepareSubmission(dir)).rejects.toThrow(/is a folder, not a regular file/);
    await expect(prepareSubmission(py)).rejects.toThrow(/expected a \.js, \.mjs, \.cjs or \.ts module, got "\.py"/);
    await expect(prepareSubmission(big)).rejects.toThrow(/is 1048577 bytes, over the 1048576-byte limit/);
    await expect(prepareSubmission(badTs)).rejects.toThrow(DataError);
    await expect(prepareSubmission(badTs)).rejects.toThrow(/bad\.ts:1:\d+: cannot compile/);
  });
});
