import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gradeCommand } from '../../../src/cli/commands/gradeCommand';
import { captureStream } from '../../support/captureStream';

/** A submission fixture of spec/sandbox/fixtures. */
export const fixture = (name: string): string => path.resolve(import.meta.dirname, '../../sandbox/fixtures', name);

/** What a class folder holds: `name: 'fixture.mjs'` copies a fixture, `name: { file: text }` makes a folder, `name: text` writes a file. */
export type ClassSpec = Record<string, string | { fixture: string } | Record<string, string | { fixture: string }>>;

const put = (file: string, what: string | { fixture: string }) =>
  typeof what === 'string' ? writeFileSync(file, what) : copyFileSync(fixture(what.fixture), file);

/** Makes a class folder in a fresh temporary folder; returns its path. */
export function makeClass(spec: ClassSpec): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'gradproof-class-')), 'class');
  mkdirSync(dir);
  for (const [name, what] of Object.entries(spec)) {
    if (typeof what === 'string' || 'fixture' in what) put(path.join(dir, name), what as string | { fixture: string });
    else {
      mkdirSync(path.join(dir, name));
      for (const [inner, content] of Object.entries(what)) {
        mkdirSync(path.dirname(path.join(dir, name, inner)), { recursive: true });
        put(path.join(dir, name, inner), content);
      }
    }
  }
  return dir;
}

/** A fresh output folder path (not created). */
export const freshOut = (): string => path.join(mkdtempSync(path.join(os.tmpdir(), 'gradproof-graded-')), 'out');

/** Runs `gradproof grade …` in-process; returns the exit code and what it printed. */
export async function grade(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = captureStream();
  const err = captureStream();
  const code = await gradeCommand(args, out, err);
  return { code, out: out.text(), err: err.text() };
}

/**
 * Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF) into rows of cells: written apart from
 * the gradebook's writer, so the specs read what a spreadsheet would.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endCell();
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The gradebook as objects keyed by its header. */
export function readGradebook(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}
