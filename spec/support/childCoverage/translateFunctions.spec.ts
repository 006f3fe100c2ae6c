import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { translateFunctions, type FunctionCoverage, type Transformed } from './translateFunctions.js';

const SOURCE = `export function pick(a: number): number {
  if (a > 1) {
    helper();
  } else {
    return 0;
  }
  return a ? 1 : 2;
}

function helper(): void {
  throw new Error('x');
}
`;

/** One file, as tsx runs it in a child (minified whitespace, keepNames) and as a plain transform. */
function transform(minify: boolean): { code: string } & Transformed {
  const r = transformSync(SOURCE, { loader: 'ts', format: 'esm', sourcemap: 'external', sourcefile: 'pick.ts', target: 'node20', minifyWhitespace: minify, keepNames: minify });
  return { code: r.code, lineLengths: r.code.split('\n').map((l) => l.length), map: JSON.parse(r.map) };
}

/** The range of `text` in `code`, from `from` on (its first character to just past its last). */
function rangeOf(code: string, text: string, count: number, from = 0) {
  const start = code.indexOf(text, from);
  if (start < 0) throw new Error(`rangeOf: ${JSON.stringify(text)} not in ${JSON.stringify(code)}`);
  return { startOffset: start, endOffset: start + text.length, count };
}

const tsx = transform(true);
const plain = transform(false);
const translate = (fns: FunctionCoverage[]) => translateFunctions(fns, tsx, plain);
const text = (r: { startOffset: number; endOffset: number }) => plain.code.slice(r.startOffset, r.endOffset);

describe('translateFunctions', () => {
  it('moves a function range onto the same function in the other transform, count kept', () => {
    const body = tsx.code.slice(tsx.code.indexOf('function helper'), tsx.code.indexOf('}', tsx.code.indexOf('throw')) + 1);
    const [fn] = translate([{ functionName: 'helper', isBlockCoverage: true, ranges: [rangeOf(tsx.code, body, 0)] }]);
    expect(fn!.ranges).toHaveLength(1);
    expect(fn!.ranges[0]!.count).toBe(0);
    // It may reach on over text that maps to nothing (here the export list), never into mapped code.
    expect(text(fn!.ranges[0]!).trim()).toMatch(/^function helper\(\) \{\s+throw new Error\("x"\);\s+\}\s+export \{\s+pick\s+\};$/);
  });

  it('moves a block range onto the same block, not past the function name keepNames maps after it', () => {
    const block = rangeOf(tsx.code, '{return 0}', 0);
    const whole = rangeOf(tsx.code, tsx.code.slice(tsx.code.indexOf('function pick'), tsx.code.indexOf('__name(pick')), 3);
    const [fn] = translate([{ functionName: 'pick', isBlockCoverage: true, ranges: [whole, block] }]);
    expect(text(fn!.ranges[1]!).trim()).toMatch(/^\{\s+return 0;\s+\}$/);
    expect(text(fn!.ranges[0]!)).toContain('return a ? 1 : 2;');
    expect(text(fn!.ranges[0]!)).not.toContain('helper() {');
  });

  it('drops functions the transform added (keepNames helpers) and keeps the module range whole', () => {
    const helper = rangeOf(tsx.code, '(target,value)=>__defProp(target,"name",{value,configurable:true})', 1);
    const module = { startOffset: 0, endOffset: tsx.code.length, count: 1 };
    const out = translate([
      { functionName: '', isBlockCoverage: true, ranges: [module] },
      { functionName: '__name', isBlockCoverage: true, ranges: [helper] },
    ]);
    expect(out.map((f) => f.functionName)).toEqual(['']);
    expect(out[0]!.ranges[0]).toEqual({ startOffset: 0, endOffset: plain.code.length, count: 1 });
  });
});
