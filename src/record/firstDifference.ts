/** Where two JSON values first differ, and what each holds there. */
export interface Difference {
  /** `epochs[0].trainLoss`, `backend.threads`; `''` for the values themselves. */
  readonly path: string;
  readonly a: unknown;
  readonly b: unknown;
}

/**
 * The first place (depth first, keys in `a`'s order then `b`'s new ones) where two JSON values
 * differ, or undefined when they are equal. For messages that say where two records disagree
 * rather than only that they do.
 */
export function firstDifference(a: unknown, b: unknown, at = ''): Difference | undefined {
  if (Object.is(a, b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[key], b[key], at === '' ? key : `${at}.${key}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return { path: at, a, b };
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
