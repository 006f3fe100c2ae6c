import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkFolder } from '../../../src/grade/intake/walkFolder';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'gradproof-walk-'));
const opts = { api: 'grade', label: '--log', maxEntries: 50, maxDepth: 3, accept: (f: string) => f.endsWith('.json') };

describe('walkFolder', () => {
  it('passes: lists accepted regular files under the folder, sorted, skipping the folders asked', async () => {
    const d = tmp();
    mkdirSync(path.join(d, 'a', 'b'), { recursive: true });
    mkdirSync(path.join(d, 'plots'));
    for (const f of ['z.json', 'a/y.json', 'a/b/x.json', 'a/notes.txt', 'plots/p.json']) writeFileSync(path.join(d, f), '{}');
    const { files, notes } = await walkFolder(d, { ...opts, skipFolders: ['plots'] });
    expect(files).toEqual([path.join(d, 'a/b/x.json'), path.join(d, 'a/y.json'), path.join(d, 'z.json')]);
    expect(notes).toEqual([]);
  });

  it('skips symbolic links (to files and folders) and special files with a note, never following them', async () => {
    const d = tmp();
    const staff = tmp();
    writeFileSync(path.join(staff, 'secret.json'), '{}');
    symlinkSync(path.join(staff, 'secret.json'), path.join(d, 'link.json'));
    symlinkSync(staff, path.join(d, 'staff'));
    execFileSync('mkfifo', [path.join(d, 'pipe.json')]);
    const { files, notes } = await walkFolder(d, opts);
    expect(files).toEqual([]);
    expect(notes).toEqual([
      'link.json: skipped, a symbolic link (only regular files are read)',
      'pipe.json: skipped, a FIFO (only regular files are read)',
      'staff: skipped, a symbolic link (only regular files are read)',
    ]);
  });

  it('fails on a symbolic link as the folder itself, and on too many entries; notes folders too deep', async () => {
    const d = tmp();
    symlinkSync(tmp(), path.join(d, 'link'));
    await expect(walkFolder(path.join(d, 'link'), opts)).rejects.toThrow(/^grade: --log .*link is a symbolic link, not a folder; hand in the folder itself$/);
    const many = tmp();
    for (let i = 0; i < 51; i++) writeFileSync(path.join(many, `${i}.json`), '{}');
    await expect(walkFolder(many, opts)).rejects.toThrow(/holds more than 50 entries/);
    const deep = tmp();
    mkdirSync(path.join(deep, 'a/b/c/d'), { recursive: true });
    writeFileSync(path.join(deep, 'a/b/c/d/x.json'), '{}');
    expect((await walkFolder(deep, opts)).notes).toEqual([`${path.join('a/b/c/d')}: skipped, more than 3 folders deep`]);
  });
});
