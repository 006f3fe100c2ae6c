import { describe, expect, it } from 'vitest';
import { sampleElements } from '../../src/gradcheck/sampleElements';

describe('sampleElements', () => {
  const grad = Float32Array.from({ length: 100 }, (_, i) => Math.sin(i) * (i === 42 ? 50 : i === 7 ? -60 : 1));

  it('takes the largest |∂f/∂θ_i| first, then a seeded sample, in increasing order', () => {
    const picked = sampleElements(3, 0, grad, 4);
    expect(picked).toHaveLength(4);
    expect(picked).toContain(7);
    expect(picked).toContain(42);
    expect([...picked].sort((a, b) => a - b)).toEqual(picked);
  });

  it('same seed → same sample, another seed or tensor → (almost surely) another', () => {
    expect(sampleElements(3, 0, grad, 6)).toEqual(sampleElements(3, 0, grad, 6));
    expect(sampleElements(4, 0, grad, 6)).not.toEqual(sampleElements(3, 0, grad, 6));
    expect(sampleElements(3, 1, grad, 6)).not.toEqual(sampleElements(3, 0, grad, 6));
  });

  it('takes every element of a tensor that small (or with no limit)', () => {
    expect(sampleElements(0, 0, Float32Array.of(1, 2, 3), 4)).toEqual([0, 1, 2]);
    expect(sampleElements(0, 0, Float32Array.of(1, 2), null)).toEqual([0, 1]);
  });
});
