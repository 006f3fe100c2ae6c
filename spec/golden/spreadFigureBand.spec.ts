import { describe, expect, it } from 'vitest';
import { spreadFigureBand } from '../../src/golden/spreadFigureBand';

const opts = { k: 2, resolution: 0.00005, accuracy: true, seeds: [0, 1, 2] } as const;

// Hand-worked: values 0.4, 0.5, 0.6 have mean 0.5 and sample sd 0.1, so the band is reported ± 0.2.
describe('spreadFigureBand', () => {
  it('sets reported ± kσ and gates when the seeds’ mean is within (k − 1)σ of the report', () => {
    const { band, gating } = spreadFigureBand(0.5, [0.4, 0.5, 0.6], opts);
    expect(band.lo).toBeCloseTo(0.3, 12);
    expect(band.hi).toBeCloseTo(0.7, 12);
    expect(gating).toBe(true);
    expect(band.reason).toMatch(/^reported ± 2σ, σ = 0\.1: the run-to-run sd of this figure over seeds 0, 1, 2 .* Gating: those seeds' mean 0\.5 was within 1σ/);
  });

  it('does not gate a report outside its seeds’ spread, and says it is a finding about the report', () => {
    const { band, gating } = spreadFigureBand(0.5, [0.1, 0.2, 0.3], opts);
    expect(gating).toBe(false);
    expect(band.reason).toMatch(/Not gating: those seeds' mean 0\.2 was outside the band — a finding about the report/);
  });

  it('clips accuracies to [0, 1] and never narrows below the printed resolution', () => {
    expect(spreadFigureBand(0.95, [0.9, 1, 0.95], opts).band.hi).toBe(1);
    const flat = spreadFigureBand(1.25, [1.25, 1.25, 1.25], { ...opts, accuracy: false, resolution: 0.005 });
    expect(flat.band.lo).toBeCloseTo(1.245, 12);
    expect(flat.band.hi).toBeCloseTo(1.255, 12);
    expect(flat.gating).toBe(true);
  });

  it('never rounds the band past a figure printed to more digits than the band keeps', () => {
    const { band } = spreadFigureBand(0.123456789, [0.123456789, 0.123456789, 0.123456789], { ...opts, resolution: 5e-10 });
    expect(band.lo).toBeLessThanOrEqual(0.123456789);
    expect(band.hi).toBeGreaterThanOrEqual(0.123456789);
  });
});
