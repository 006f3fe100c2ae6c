import { readdirSync, readFileSync } from 'node:fs';
import { readRssMb } from './readRssMb.js';

const MAX_PROCESSES = 512;

/**
 * Resident memory of process `pid` and all its descendants in MB (Linux /proc: each thread's
 * `children` list), or null when `pid` is gone. The sandbox's wrappers exec one another and bwrap
 * forks the sandbox's init and Node, so the tree from the spawned pid holds all of it.
 */
export function readTreeRssMb(pid: number): number | null {
  const root = readRssMb(pid);
  if (root === null) return null;
  let total = root;
  const queue = childrenOf(pid);
  for (let seen = 0; queue.length > 0 && seen < MAX_PROCESSES; seen++) {
    const p = queue.shift()!;
    total += readRssMb(p) ?? 0;
    queue.push(...childrenOf(p));
  }
  return total;
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      for (const c of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/)) if (c) out.push(Number(c));
    }
  } catch {
    // exited meanwhile, or a kernel without the children list
  }
  return out;
}
