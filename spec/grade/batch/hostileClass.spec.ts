import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_EXTENSIONS } from '../../../src/grade/batch/studentFolderFiles';
import { fixture, freshOut, grade, makeClass, readGradebook } from './classFixture';

const SPEC = path.resolve(import.meta.dirname, '../..');
/** Where the project keeps hostile hand-ins; globbed when the spec runs, so new ones join the class. */
const HOSTILE_ROOTS = ['sandbox/fixtures', 'grade/hostile'];

/** Every regular file under `dir` (relative paths), hidden ones too. */
function filesUnder(dir: string, rel = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return filesUnder(dir, r);
    return e.isFile() ? [r] : [];
  });
}

/** A safe student id for a fixture's path (`grade/hostile/scoring/random.mjs` → `grade-hostile-scoring-random`). */
const idFor = (root: string, rel: string) => `${root}/${rel}`.replace(/\.[^./]+$/, '').replace(/[^\w.-]+/g, '-');

describe('grade --submissions over every hostile fixture of the project', () => {
  it('returns, writes a results.json for every student and a gradebook row each; the good submission gets full marks', async () => {
    const cls = makeClass({});
    const ids: string[] = [];
    for (const root of HOSTILE_ROOTS) {
      for (const rel of filesUnder(path.join(SPEC, root))) {
        const id = idFor(root, rel);
        const src = path.join(SPEC, root, rel);
        const ext = path.extname(rel).toLowerCase();
        // A module is a student's file; anything else (a hostile log, run record, rubric) is handed in inside a folder.
        if (CODE_EXTENSIONS.includes(ext)) copyFileSync(src, path.join(cls, `${id}${ext}`));
        else {
          mkdirSync(path.join(cls, id));
          copyFileSync(src, path.join(cls, id, path.basename(rel)));
        }
        ids.push(id);
      }
    }
    // Hostile in how they are handed in: a link to the good solution, a FIFO, two unnamed modules, an empty folder.
    symlinkSync(fixture('good.mjs'), path.join(cls, 'links-to-good.mjs'));
    execFileSync('mkfifo', [path.join(cls, 'a-fifo')]);
    mkdirSync(path.join(cls, 'two-modules'));
    copyFileSync(fixture('good.mjs'), path.join(cls, 'two-modules', 'a.mjs'));
    copyFileSync(fixture('good.mjs'), path.join(cls, 'two-modules', 'b.mjs'));
    mkdirSync(path.join(cls, 'empty'));
    ids.push('links-to-good', 'a-fifo', 'two-modules', 'empty');
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);

    const out = freshOut();
    const t0 = performance.now();
    const r = await grade(['--submissions', cls, '--out', out, '--timeout', '8', '--jobs', '2', '--seed', '1']);
    const seconds = (performance.now() - t0) / 1000;
    expect([0, 1]).toContain(r.code);
    for (const id of ids) expect(statSync(path.join(out, id, 'results.json')).isFile(), id).toBe(true);
    const book = readGradebook(readFileSync(path.join(out, 'gradebook.csv'), 'utf8'));
    expect(book.map((b) => b.id).sort()).toEqual([...ids].sort());
    const good = JSON.parse(readFileSync(path.join(out, 'sandbox-fixtures-good', 'results.json'), 'utf8')) as {
      tests: { score: number; max_score: number }[];
    };
    expect(good.tests.length).toBeGreaterThan(0);
    expect(good.tests.every((t) => t.score === t.max_score)).toBe(true);
    expect(book.find((b) => b.id === 'links-to-good')).toMatchObject({
      score: '0',
      status: 'failed-to-grade',
      note: '"links-to-good.mjs" is a symbolic link (not followed)',
    });
    expect(r.err).toMatch(new RegExp(`${ids.length} students in [\\d.]+ s`));
    // Every hostile hand-in ends in a contained, recorded outcome: never an error the grader did not expect.
    expect(book.filter((b) => b.note.startsWith('unexpected error'))).toEqual([]);
    console.log(
      `hostile class: ${ids.length} students in ${seconds.toFixed(1)} s, ${book.filter((b) => b.status === 'failed-to-grade').length} failed to grade`,
    );
  });
});
