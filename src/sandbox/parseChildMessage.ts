import { jsonNestingDepth } from '../record/jsonNestingDepth.js';
import type { SandboxReply } from './SandboxSession.js';

/** One line from the sandboxed child, read as the protocol allows, or why it is not one. */
export type ChildMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'load-error'; readonly error: string }
  | { readonly type: 'reply'; readonly id: number; readonly results: SandboxReply[] }
  | { readonly type: 'invalid'; readonly why: string };

/** Deeper than this is not a reply (a result is at most rows of numbers inside the envelope). */
const MAX_DEPTH = 8;
const MAX_ERROR_CHARS = 500;

/**
 * Parses and validates one line the child wrote. Nothing the child sends can throw here: the
 * nesting is measured in one pass before JSON.parse, and every field is checked for type and
 * shape. Values are plain numbers (NaN and ±Infinity tagged as `{ $num }`), arrays of values, or
 * a `{ $type }` description of anything else; any other shape makes the whole line invalid.
 */
export function parseChildMessage(line: string): ChildMessage {
  const depth = jsonNestingDepth(line, MAX_DEPTH);
  if (depth > MAX_DEPTH) return invalid(`nested more than ${MAX_DEPTH} levels deep`);
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return invalid('not JSON');
  }
  if (!isRecord(raw)) return invalid('not an object');
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'load-error':
      return typeof raw.error === 'string' ? { type: 'load-error', error: raw.error.slice(0, MAX_ERROR_CHARS) } : invalid('load-error without a message');
    case 'reply': {
      if (!Number.isSafeInteger(raw.id) || !Array.isArray(raw.results)) return invalid('reply without an id and results');
      const results: SandboxReply[] = [];
      for (const r of raw.results) {
        const one = readResult(r);
        if (one === undefined) return invalid('a result of the wrong shape');
        results.push(one);
      }
      return { type: 'reply', id: raw.id as number, results };
    }
    default:
      return invalid('an unknown message type');
  }
}

function readResult(r: unknown): SandboxReply | undefined {
  if (!isRecord(r)) return undefined;
  if (r.ok === false) return typeof r.error === 'string' ? { ok: false, error: r.error.slice(0, MAX_ERROR_CHARS) } : undefined;
  if (r.ok !== true || !('value' in r)) return undefined;
  const value = readValue(r.value, 0);
  return value === INVALID ? undefined : { ok: true, value };
}

const INVALID = Symbol('invalid');

function readValue(v: unknown, depth: number): unknown {
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) {
    if (depth >= 4) return INVALID;
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = readValue(v[i], depth + 1);
      if (x === INVALID) return INVALID;
      out[i] = x;
    }
    return out;
  }
  if (isRecord(v) && Object.keys(v).length === 1) {
    if (v.$num === 'NaN') return NaN;
    if (v.$num === 'Infinity') return Infinity;
    if (v.$num === '-Infinity') return -Infinity;
    if (typeof v.$type === 'string') return { $type: v.$type.slice(0, 100) };
  }
  return INVALID;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const invalid = (why: string): ChildMessage => ({ type: 'invalid', why });
