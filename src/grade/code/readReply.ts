import type { SandboxReply } from '../../sandbox/SandboxSession.js';

/** A reply read as the expected kind of value, or why it is not one (for a student to read). */
export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string };

function kind(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? String(v) : String(v);
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  const t = (v as { $type?: unknown } | null)?.$type;
  return typeof t === 'string' ? `a ${t}` : typeof v;
}

/** A finite number, else why not (threw, NaN, a string…). */
export function readNumber(r: SandboxReply): Read<number> {
  if (!r.ok) return { ok: false, why: `threw ${r.error}` };
  if (typeof r.value !== 'number') return { ok: false, why: `returned ${kind(r.value)}, expected a number` };
  if (!Number.isFinite(r.value)) return { ok: false, why: `returned ${kind(r.value)}, expected a finite number` };
  return { ok: true, value: r.value };
}

/** An array of `length` finite numbers, else why not. */
export function readVector(r: SandboxReply, length: number, what = 'the result'): Read<number[]> {
  if (!r.ok) return { ok: false, why: `threw ${r.error}` };
  return vectorOf(r.value, length, what);
}

function vectorOf(v: unknown, length: number, what: string): Read<number[]> {
  if (!Array.isArray(v)) return { ok: false, why: `${what} is ${kind(v)}, expected an array of ${length} numbers` };
  if (v.length !== length) return { ok: false, why: `${what} has length ${v.length}, expected ${length}` };
  const bad = v.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
  if (bad >= 0) return { ok: false, why: `${what}[${bad}] is ${kind(v[bad])}, expected a finite number` };
  return { ok: true, value: v as number[] };
}

/** Rows shaped like `shape` (row lengths), all finite numbers, else why not. */
export function readRows(r: SandboxReply, shape: readonly number[]): Read<number[][]> {
  if (!r.ok) return { ok: false, why: `threw ${r.error}` };
  const v = r.value;
  if (!Array.isArray(v)) return { ok: false, why: `returned ${kind(v)}, expected ${shape.length} rows shaped like params` };
  if (v.length !== shape.length) return { ok: false, why: `returned ${v.length} rows, expected ${shape.length} (one per parameter tensor)` };
  for (let i = 0; i < shape.length; i++) {
    const row = vectorOf(v[i], shape[i]!, `row ${i}`);
    if (!row.ok) return row;
  }
  return { ok: true, value: v as number[][] };
}
