import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprintSource } from '../../../src/data/cache/fingerprintSource';

const T = new Date('2020-01-02T03:04:05Z');

function put(root: string, rel: string, data: string, when = T): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
  utimesSync(file, when, when);
}

describe('fingerprintSource', () => {
  let a: string;
  let b: string;
  beforeEach(() => {
    a = mkdtempSync(path.join(os.tmpdir(), 'gradproof-fp-a-'));
    b = mkdtempSync(path.join(os.tmpdir(), 'gradproof-fp-b-'));
    for (const [rel, data] of [['cat/1.jpg', 'xx'], ['cat/10.jpg', 'yyy'], ['dog/2.jpg', 'z']] as const) put(a, rel, data);
  });
  afterEach(() => {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  });

  it('depends on relative paths, sizes and mtimes only, not on creation order or root', async () => {
    for (const [rel, data] of [['dog/2.jpg', 'q'], ['cat/10.jpg', 'abc'], ['cat/1.jpg', 'ab']] as const) put(b, rel, data);
    const fa = await fingerprintSource(a);
    expect(fa).toEqual(await fingerprintSource(b));
    expect(fa).toMatchObject({ files: 3, bytes: 6 });
    expect(fa.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when a file changes size, mtime, name, or is added or removed', async () => {
    const base = (await fingerprintSource(a)).hash;
    const seen = new Set([base]);
    const step = async (mutate: () => void): Promise<void> => {
      mutate();
      const h = (await fingerprintSource(a)).hash;
      expect(seen.has(h)).toBe(false);
      seen.add(h);
    };
    await step(() => put(a, 'cat/1.jpg', 'xxx'));
    await step(() => utimesSync(path.join(a, 'cat/1.jpg'), T, new Date(T.getTime() + 1)));
    await step(() => renameSync(path.join(a, 'dog/2.jpg'), path.join(a, 'dog/3.jpg')));
    await step(() => put(a, 'dog/sub/4.jpg', ''));
    await step(() => rmSync(path.join(a, 'cat/10.jpg')));
  });

  it('fails for a missing folder', async () => {
    await expect(fingerprintSource(path.join(a, 'missing'))).rejects.toThrow(/ENOENT/);
  });

  it('yields between slices yet gives the same hash for any slice size', async () => {
    for (let i = 0; i < 50; i++) put(a, `many/${i}.bin`, 'x'.repeat(i));
    const whole = await fingerprintSource(a);
    expect(await fingerprintSource(a, 7)).toEqual(whole);
    expect(whole.files).toBe(53);
  });
});
