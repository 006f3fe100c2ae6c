import { decodedMappings, TraceMap, type SourceMapInput } from '@jridgewell/trace-mapping';

/** V8's block coverage of one script, as NODE_V8_COVERAGE writes it. */
export interface FunctionCoverage {
  readonly functionName: string;
  readonly isBlockCoverage: boolean;
  readonly ranges: readonly { readonly startOffset: number; readonly endOffset: number; readonly count: number }[];
}

/** A transform of one source file: how its generated text is laid out, and its source map. */
export interface Transformed {
  /** Length of each generated line, without its newline (what Node records beside the map). */
  readonly lineLengths: readonly number[];
  readonly map: SourceMapInput;
}

/** One mapping: a position in the generated text (an offset) and the original line/column it comes from. */
interface Point {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/**
 * Moves V8 coverage recorded against one transform of a file (`from`: tsx's, in a child process)
 * onto another transform of the same file (`to`: the one vitest's coverage converts, so child and
 * in-process counts land on the same statements). Each range end goes through the original source:
 * generated offset → original position → offset in `to`: a start goes to the token it falls in (or
 * the nearest mapped one before it: esbuild maps every token, braces included), an end to the end
 * of the last token before it. Functions whose own range starts outside the original (helpers a
 * transform adds, like keepNames' `__name`) are dropped.
 */
export function translateFunctions(functions: readonly FunctionCoverage[], from: Transformed, to: Transformed): FunctionCoverage[] {
  const fromPoints = points(from, byOffset);
  const toPoints = points(to, (a, b) => a.line - b.line || a.column - b.column || a.offset - b.offset);
  const toByOffset = [...toPoints].sort(byOffset);
  const fromLength = totalLength(from.lineLengths);
  const toLength = totalLength(to.lineLengths);
  /** The token of `to` that the token of `from` at `p` comes from: same original position, else the nearest before it. */
  const counterpart = (p: Point) => firstOfEqual(toPoints, lastAtOrBefore(toPoints, (q) => q.line < p.line || (q.line === p.line && q.column <= p.column)));
  const moveStart = (offset: number): number | null => {
    if (offset === 0) return 0;
    const token = lastAtOrBefore(fromPoints, (p) => p.offset <= offset);
    return token ? (counterpart(token)?.offset ?? null) : null;
  };
  // An end is the end of the last token inside the range: what follows it in `from` may map anywhere
  // (keepNames puts `__name(f, "f")`, mapped to f's name, right after each function).
  const moveEnd = (offset: number): number | null => {
    if (offset >= fromLength) return toLength;
    const last = lastAtOrBefore(fromPoints, (p) => p.offset < offset);
    const anchor = last && counterpart(last);
    if (!anchor) return null;
    return firstAtOrAfter(toByOffset, (p) => p.offset > anchor.offset)?.offset ?? toLength;
  };
  const out: FunctionCoverage[] = [];
  for (const fn of functions) {
    const ranges = [];
    for (const [i, r] of fn.ranges.entries()) {
      const start = moveStart(r.startOffset);
      const end = moveEnd(r.endOffset);
      if (start === null || end === null || start >= end) {
        if (i === 0) break; // the function itself is not in the original: drop it whole
        continue;
      }
      ranges.push({ startOffset: start, endOffset: end, count: r.count });
    }
    if (ranges.length > 0) out.push({ functionName: fn.functionName, isBlockCoverage: fn.isBlockCoverage, ranges });
  }
  return out;
}

const byOffset = (a: Point, b: Point) => a.offset - b.offset;

/** Every mapping of the transform's first source, sorted by `order`. */
function points(t: Transformed, order: (a: Point, b: Point) => number): Point[] {
  const lineStarts: number[] = [];
  let at = 0;
  for (const length of t.lineLengths) {
    lineStarts.push(at);
    at += length + 1;
  }
  const out: Point[] = [];
  decodedMappings(new TraceMap(t.map)).forEach((segments, line) => {
    for (const s of segments) {
      if (s.length >= 4 && s[1] === 0 && lineStarts[line] !== undefined) out.push({ offset: lineStarts[line]! + s[0], line: s[2]!, column: s[3]! });
    }
  });
  return out.sort(order);
}

function totalLength(lineLengths: readonly number[]): number {
  return lineLengths.reduce((sum, n) => sum + n + 1, 0) - 1;
}

/** The last point for which `ok` holds, `ok` being true up to some index and false after it. */
function lastAtOrBefore(sorted: readonly Point[], ok: (p: Point) => boolean): Point | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(sorted[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1] : undefined;
}

/** The first point for which `ok` holds, `ok` being false up to some index and true after it. */
function firstAtOrAfter(sorted: readonly Point[], ok: (p: Point) => boolean): Point | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(sorted[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return sorted[lo];
}

/** Of the points mapping to the same original position as `p`, the one earliest in the text. */
function firstOfEqual(sorted: readonly Point[], p: Point | undefined): Point | undefined {
  if (!p) return undefined;
  return firstAtOrAfter(sorted, (q) => q.line > p.line || (q.line === p.line && q.column >= p.column));
}
