import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { GradproofError } from '../errors/GradproofError.js';

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

/** Runs `gradproof <args>` in a child; rejects with the child's last error line when it fails. */
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
      errTail = (errTail + chunk).slice(-4000);
    });
    child.on('error', (e) => {
      children.delete(child);
      reject(e);
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      if (code === 0) return resolve();
      // A clean failure ends in one `gradproof …` line; a crash ends in a stack and Node's version, so take its error line.
      const lines = errTail.trim().split('\n').filter(Boolean);
      const last = lines.findLast((l) => /^(gradproof|\w*Error\b|Error \[)/.test(l.trim())) ?? lines.at(-1) ?? '';
      reject(
        new GradproofError(
          'E_RUN',
          `gradproof ${run.args.slice(0, 2).join(' ')} ${run.args.includes('--seed') ? `seed ${run.args[run.args.indexOf('--seed') + 1]} ` : ''}failed (${signal ?? `exit ${code}`}): ${last}`,
        ),
      );
    });
  });
}
