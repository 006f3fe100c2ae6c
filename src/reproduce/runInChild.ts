import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ChildRunError } from '../errors/ChildRunError.js';
import { meaningfulLines } from './meaningfulLines.js';

const BIN = fileURLToPath(new URL('../../bin/gradproof.js', import.meta.url));

/** A `gradproof run` in a child process, so runs use separate cores and a crash stays contained. */
export interface ChildRun {
  readonly args: readonly string[];
  /** Each line the child prints on stdout (its epoch lines). */
  readonly onLine?: (line: string) => void;
}

const children = new Set<ReturnType<typeof spawn>>();

/** Ends every child still running (on SIGINT/SIGTERM of the parent). */
export function killChildren(): void {
  for (const c of children) c.kill('SIGTERM');
}

/**
 * Runs `gradproof <args>` in a child. Rejects with a ChildRunError holding how the child ended
 * and its last meaningful stderr lines (the cause in its own words) when it fails.
 */
export function runInChild(run: ChildRun): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...run.args], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let errTail = '';
    let outBuf = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      outBuf += chunk;
      const lines = outBuf.split('\n');
      outBuf = lines.pop()!;
      for (const l of lines) run.onLine?.(l);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      errTail = (errTail + chunk).slice(-16_000);
    });
    child.on('error', (e) => {
      children.delete(child);
      reject(e);
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      if (code === 0) return resolve();
      const seed = run.args.includes('--seed') ? ` seed ${run.args[run.args.indexOf('--seed') + 1]}` : '';
      const ended = signal !== null ? `killed by ${signal}` : `exit ${code}`;
      reject(new ChildRunError(`gradproof ${run.args.slice(0, 2).join(' ')}${seed}`, ended, meaningfulLines(errTail)));
    });
  });
}
