import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openSandbox } from '../../src/sandbox/openSandbox';
import { SandboxError } from '../../src/sandbox/SandboxError';
import { prepareSubmission, type PreparedSubmission } from '../../src/sandbox/prepareSubmission';
import type { SandboxLimits } from '../../src/sandbox/SandboxLimits';
import type { SandboxSession } from '../../src/sandbox/SandboxSession';

/** A hostile or friendly submission in spec/sandbox/fixtures. */
export const fixture = (name: string): string => path.join(import.meta.dirname, 'fixtures', name);

/** Prepares `name` and opens a sandbox on it; `use` runs with the session, which is closed and cleaned up after. */
export async function withSandbox<T>(name: string, limits: Partial<SandboxLimits>, use: (s: SandboxSession, p: PreparedSubmission) => Promise<T>): Promise<T> {
  const prepared = await prepareSubmission(fixture(name));
  let session: SandboxSession | undefined;
  try {
    session = await openSandbox(prepared.dir, prepared.entry, limits);
    return await use(session, prepared);
  } finally {
    session?.close();
    await prepared.cleanup();
  }
}

/** Pids of live processes whose command line mentions `text` (Linux /proc). */
export function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(text)) found.push(Number(d));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

/** Opens `name` and makes `calls`; resolves to the replies or to the SandboxError it failed with. */
export async function outcome(name: string, calls: { fn: string; args: unknown[] }[], limits = { timeoutMs: 3000, memoryMb: 128 }) {
  const prepared = await prepareSubmission(fixture(name));
  const t0 = Date.now();
  try {
    const s = await openSandbox(prepared.dir, prepared.entry, limits);
    try {
      return { replies: await s.call(calls), ms: Date.now() - t0, dir: prepared.dir };
    } finally {
      s.close();
    }
  } catch (e) {
    if (!(e instanceof SandboxError)) throw e;
    return { error: e, ms: Date.now() - t0, dir: prepared.dir };
  } finally {
    await prepared.cleanup();
  }
}

export const probeError = (r: Awaited<ReturnType<typeof outcome>>): string => {
  const reply = r.replies?.[0];
  if (!reply || reply.ok) throw new Error(`expected the probe to throw, got ${JSON.stringify(r)}`);
  return reply.error;
};

