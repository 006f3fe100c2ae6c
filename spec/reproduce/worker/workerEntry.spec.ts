import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ENTRY = path.resolve(import.meta.dirname, '../../../src/reproduce/worker/workerEntry.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

/** The worker process run by hand (no IPC channel), as a person debugging it would; never rejects. */
async function runEntry(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, ['--import', TSX, ENTRY, ...args]);
    return { code: 0, stdout: r.stdout };
  } catch (e) {
    const x = e as { code: number; stdout: string };
    return { code: x.code, stdout: x.stdout };
  }
}

describe('workerEntry', () => {
  it('without an IPC channel, says what it would send as JSON lines on stdout, and ends with the status', async () => {
    const job = { protocol: 'fresh', runs: [{ experiment: 'lab/none', out: '/nonexistent/r.json' }], seed: 0, backend: 'cpu', dataDir: '/nonexistent', configPath: null };
    const r = await runEntry(JSON.stringify(job));
    expect(r.code).toBe(2);
    const [message] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; lines: string[] });
    expect(message).toMatchObject({ kind: 'failed', lines: [expect.stringMatching(/^unknown experiment "lab\/none"/)] });
  });

  it('refuses a job that is not JSON, echoing it', async () => {
    const r = await runEntry('{not json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ kind: 'failed', lines: ['reproduce worker: expected the job as JSON in its first argument, got "{not json"'] });
  });
});
