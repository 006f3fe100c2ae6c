import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineFramer } from '../../src/sandbox/LineFramer';
import { FC_SEED } from '../support/fcSeed';

function frame(chunks: Buffer[], maxLine = 64, maxTotal = 1024) {
  const lines: string[] = [];
  const overflows: string[] = [];
  const f = new LineFramer(maxLine, maxTotal, (l) => lines.push(l), (w) => overflows.push(w));
  for (const c of chunks) f.push(c);
  return { lines, overflows };
}

describe('LineFramer', () => {
  it('yields the same lines however the stream is cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }).map((s) => s.replace(/\n/g, '')), { maxLength: 10 }), fc.array(fc.nat(40), { maxLength: 8 }), (lines, cuts) => {
        const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
        const points = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((p, i, all) => bytes.subarray(p, all[i + 1] ?? bytes.length));
        expect(frame(chunks, 1024, 1 << 20).lines).toEqual(lines);
      }),
      { seed: FC_SEED },
    );
  });

  it('a line over the cap is reported once, buffers nothing more, and ends the stream', () => {
    const r = frame([Buffer.from('ok\n'), Buffer.alloc(50, 120), Buffer.alloc(50, 120), Buffer.from('\nlater\n')]);
    expect(r.lines).toEqual(['ok']);
    expect(r.overflows).toEqual(['sent a message longer than 64 bytes']);
  });

  it('more than the total cap is reported, however short the lines', () => {
    const r = frame(Array.from({ length: 300 }, () => Buffer.from('abc\n')));
    expect(r.lines.length).toBeLessThan(300);
    expect(r.overflows).toEqual(['sent more than 1024 bytes in all']);
  });
});
