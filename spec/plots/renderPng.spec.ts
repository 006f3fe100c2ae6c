import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { lineChart } from '../../src/plots/lineChart';
import { renderPng } from '../../src/plots/renderPng';
import { svgDocument } from '../../src/plots/svgDocument';
import { pngStats } from './pngStats';

const chart = lineChart({
  title: 'Gradient norm per layer',
  xLabel: 'epoch',
  yLabel: 'norm',
  yScale: 'log',
  series: [
    { name: 'layer 1', points: [1, 2, 3].map((x) => ({ x, y: 10 ** -x })) },
    { name: 'layer 2', points: [1, 2, 3].map((x) => ({ x, y: 10 ** (1 - x) })), dashed: true },
  ],
});

describe('renderPng', () => {
  it('renders at the SVG size by default, with lines, colours and text', () => {
    const s = pngStats(renderPng(chart));
    expect([s.width, s.height]).toEqual([640, 400]);
    expect(s.colors).toBeGreaterThan(20); // antialiased lines in two colours plus text
    expect(s.nonWhite / (s.width * s.height)).toBeGreaterThan(0.01);
    expect(s.nonWhite / (s.width * s.height)).toBeLessThan(0.6);
    // The title's glyphs really rendered (a missing font would leave this box white).
    expect(s.dark(0, 0, 640, 30)).toBeGreaterThan(100);
  });

  it('scales to the requested width, keeping the aspect ratio', () => {
    const s = pngStats(renderPng(chart, { width: 1280 }));
    expect([s.width, s.height]).toEqual([1280, 800]);
  });

  it('a blank SVG gives a blank PNG, so the checks above can fail', () => {
    const s = pngStats(renderPng(svgDocument(200, 100, '<rect width="200" height="100" fill="#fff"/>')));
    expect([s.width, s.height]).toEqual([200, 100]);
    expect(s.nonWhite).toBe(0);
    expect(s.colors).toBe(1);
  });

  it('rejects non-SVG input and silly widths with a UsageError naming renderPng', () => {
    expect(() => renderPng('hello')).toThrow(/renderPng: expected an SVG string, got "hello"/);
    expect(() => renderPng(chart, { width: 0 })).toThrow(UsageError);
    expect(() => renderPng('<svg><g></svg>')).toThrow(/renderPng: resvg could not render/);
  });
});
