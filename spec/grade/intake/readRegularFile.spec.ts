import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors/DataError';
import { readRegularFile } from '../../../src/grade/intake/readRegularFile';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gradproof-intake-'));
const opts = { api: 'grade', label: '--log', maxBytes: 100 };

describe('readRegularFile', () => {
  it('passes when given a regular file within the cap: its bytes, exactly', async () => {
    const f = path.join(tmp(), 'a.log');
    const bytes = Buffer.from([0, 1, 2, 0xff, 0x0a]);
    writeFileSync(f, bytes);
    expect((await readRegularFile(f, opts)).equals(bytes)).toBe(true);
    writeFileSync(f, 'x'.repeat(100));
    expect((await readRegularFile(f, opts)).length).toBe(100);
    writeFileSync(f, '');
    expect((await readRegularFile(f, opts)).length).toBe(0);
  });

  it('fails when given a symbolic link, to a file or a folder, naming the API and echoing the path', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'staff.md'), 'the solution');
    symlinkSync(path.join(d, 'staff.md'), path.join(d, 'y.md'));
    symlinkSync(d, path.join(d, 'dir-link'));
    await expect(readRegularFile(path.join(d, 'y.md'), opts)).rejects.toThrow(`grade: --log ${path.join(d, 'y.md')} is a symbolic link; hand in the file itself`);
    await expect(readRegularFile(path.join(d, 'dir-link'), opts)).rejects.toThrow(/is a symbolic link/);
    symlinkSync(path.join(d, 'nowhere'), path.join(d, 'dangling'));
    await expect(readRegularFile(path.join(d, 'dangling'), opts)).rejects.toThrow(/dangling is a symbolic link/);
  });

  it('fails when given a folder, a FIFO (at once) or a device, saying which', async () => {
    const d = tmp();
    mkdirSync(path.join(d, 'sub'));
    execFileSync('mkfifo', [path.join(d, 'fifo')]);
    await expect(readRegularFile(path.join(d, 'sub'), opts)).rejects.toThrow(/--log .*sub is a folder, not a regular file$/);
    await expect(readRegularFile(path.join(d, 'fifo'), opts)).rejects.toThrow(/--log .*fifo is a FIFO, not a regular file$/);
    await expect(readRegularFile('/dev/null', opts)).rejects.toThrow('grade: --log /dev/null is a character device, not a regular file');
  });

  it('fails when the file is over the cap, or missing; every failure is a DataError', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'big'), 'x'.repeat(101));
    await expect(readRegularFile(path.join(d, 'big'), opts)).rejects.toThrow(/big is 101 bytes, over the 100-byte limit/);
    const e = await readRegularFile(path.join(d, 'none'), { api: 'rubric', maxBytes: 10 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as Error).message).toBe(`rubric: cannot read ${path.join(d, 'none')} (ENOENT)`);
  });

  it('echoes a path with a newline or bidi override on one line', async () => {
    const f = path.join(tmp(), 'a\nb\u202e.log');
    await expect(readRegularFile(f, opts)).rejects.toThrow(/a\\u\{a\}b\\u\{202e\}\.log \(ENOENT\)$/);
  });
});
