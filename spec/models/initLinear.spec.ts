import { describe, expect, it } from 'vitest';
import { initLinear } from '../../src/models/initLinear';
import { createRng } from '../../src/random/Rng';

const maxAbs = (a: Float32Array): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

describe('initLinear', () => {
  it('torch-default: weights and biases uniform in ±1/√fan_in, filling the range', () => {
    const { weight, bias } = initLinear('torch-default', 400, 300, createRng(0, 'init'));
    const bound = 1 / Math.sqrt(400);
    expect(maxAbs(weight)).toBeLessThanOrEqual(bound);
    expect(maxAbs(weight)).toBeGreaterThan(0.99 * bound);
    expect(maxAbs(bias)).toBeLessThanOrEqual(bound);
    expect(maxAbs(bias)).toBeGreaterThan(0.95 * bound);
    // Variance of U(−b, b) is b²/3; 120k draws put the sample variance within 2%.
    const v = weight.reduce((s, x) => s + x * x, 0) / weight.length;
    expect(v / (bound * bound / 3)).toBeCloseTo(1, 1);
  });

  it('xavier: ±√(6/(fan_in+fan_out)) and zero biases', () => {
    const { weight, bias } = initLinear('xavier', 16, 16, createRng(0, 'init'));
    const bound = Math.sqrt(6 / 32);
    expect(maxAbs(weight)).toBeLessThanOrEqual(bound);
    expect(maxAbs(weight)).toBeGreaterThan(0.9 * bound);
    expect([...bias]).toEqual(new Array(16).fill(0));
  });

  it('he: ±√(6/fan_in) and zero biases', () => {
    const { weight, bias } = initLinear('he', 64, 32, createRng(0, 'init'));
    const bound = Math.sqrt(6 / 64);
    expect(maxAbs(weight)).toBeLessThanOrEqual(bound);
    expect(maxAbs(weight)).toBeGreaterThan(0.95 * bound);
    expect(maxAbs(bias)).toBe(0);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const a = initLinear('torch-default', 30, 20, createRng(1, 'init'));
    const b = initLinear('torch-default', 30, 20, createRng(1, 'init'));
    const c = initLinear('torch-default', 30, 20, createRng(2, 'init'));
    expect(Buffer.from(a.weight.buffer).equals(Buffer.from(b.weight.buffer))).toBe(true);
    expect(Buffer.from(a.weight.buffer).equals(Buffer.from(c.weight.buffer))).toBe(false);
  });
});
