import { readFileSync } from 'node:fs';

/** Resident set size of process `pid` in MB from /proc (Linux), or null where /proc cannot tell. */
export function readRssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
