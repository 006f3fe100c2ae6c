import { describe, expect, it } from 'vitest';
import { drawDropoutInput, drawParams, drawRate } from '../../src/grade/code/gradingDraws';
import { createRng } from '../../src/random/Rng';

const bytes = (a: unknown) => JSON.stringify(a);

describe('gradingDraws', () => {
  it('same seed, same inputs to the bit; another seed, other inputs', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed, 'grade/code/spec');
      return [drawParams(rng, [3, 0, 5], { zeros: 0.3 }), drawRate(rng, 'small'), drawDropoutInput(rng, 9, 0.4)];
    };
    expect(bytes(draw(17))).toBe(bytes(draw(17)));
    expect(bytes(draw(17))).not.toBe(bytes(draw(18)));
  });

  it('parameters are non-zero except where zeros are asked for (at least one, never all), of the sign asked', () => {
    for (let seed = 0; seed < 50; seed++) {
      const rng = createRng(seed, 'grade/code/spec');
      const p = drawParams(rng, [4, 0, 3], { zeros: 0.3 }).flat();
      const zeros = p.filter((v) => v === 0).length;
      expect(zeros).toBeGreaterThanOrEqual(1);
      expect(zeros).toBeLessThan(p.length);
      expect(
        drawParams(rng, [6])
          .flat()
          .every((v) => v !== 0 && Math.abs(v) >= 1e-3 && Math.abs(v) < 10),
      ).toBe(true);
      expect(
        drawParams(rng, [6], { sign: 'negative' })
          .flat()
          .every((v) => v < 0),
      ).toBe(true);
    }
  });

  it('every dropout input drops at least one element and keeps at least one, whatever the rate', () => {
    for (let seed = 0; seed < 50; seed++) {
      const rng = createRng(seed, 'grade/code/spec');
      for (const rate of [1e-4, 0.3, 0.99]) {
        const d = drawDropoutInput(rng, 3 + rng.int(5), rate);
        expect(d.uniforms.some((u) => u < rate)).toBe(true);
        expect(d.uniforms.some((u) => u >= rate)).toBe(true);
        expect(d.uniforms.every((u) => u >= 0 && u < 1) && d.x.every((v) => v !== 0)).toBe(true);
      }
    }
  });
});
