import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { colorRamp } from '../../src/plots/colorRamp';
import { escapeXml } from '../../src/plots/escapeXml';
import { lineChart } from '../../src/plots/lineChart';
import { PALETTE } from '../../src/plots/palette';
import { renderPng } from '../../src/plots/renderPng';

const pts = (ys: number[]): { x: number; y: number }[] => ys.map((y, i) => ({ x: i + 1, y }));
const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;
const textY = (svg: string, label: string): number => Number(new RegExp(`<text x="[^"]*" y="([^"]*)"[^>]*>${label}</text>`).exec(svg)?.[1]);

describe('escapeXml', () => {
  it('escapes markup and both quote kinds', () => {
    expect(escapeXml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;');
  });
});

describe('lineChart', () => {
  it('escapes text in the title, axis labels and legend', () => {
    const svg = lineChart({ title: 'loss <train> & test', xLabel: 'x<1', series: [{ name: 'a&b <c>', points: pts([1, 2]) }] });
    expect(svg).toContain('loss &lt;train&gt; &amp; test');
    expect(svg).toContain('a&amp;b &lt;c&gt;');
    expect(svg).toContain('x&lt;1');
    expect(svg).not.toContain('<train>');
    expect(svg).not.toContain('<c>');
    expect(() => renderPng(svg)).not.toThrow(); // well-formed XML, or resvg would refuse it
  });

  it('on a log axis leaves out values <= 0 and says how many under the plot', () => {
    const svg = lineChart({ title: 't', yScale: 'log', series: [{ name: 's', points: pts([1e-3, 0, 1e-2, -1, 1e-1, 1]) }] });
    expect(svg).toContain('2 values ≤ 0 or not finite: not shown (log scale)');
    expect(count(svg, /<circle /g)).toBe(4);
    // The line breaks at left-out points instead of bridging them: runs [1e-3], [1e-2], [1e-1, 1].
    expect(count(svg, /<polyline /g)).toBe(1);
  });

  it('shows no note when every value is drawable', () => {
    const svg = lineChart({ title: 't', yScale: 'log', series: [{ name: 's', points: pts([1e-3, 1e-2]) }] });
    expect(svg).not.toContain('not shown');
    const lin = lineChart({ title: 't', series: [{ name: 's', points: pts([0, -1, 2]) }] });
    expect(lin).not.toContain('not shown');
    expect(count(lin, /<circle /g)).toBe(3);
  });

  it('places log decade labels evenly, 1e-14 lowest and 1e0 highest', () => {
    const svg = lineChart({ title: 't', yScale: 'log', series: [{ name: 's', points: pts([1e-14, 1]) }] });
    const ys = [-14, -12, -10, -8, -6, -4, -2, 0].map((e) => textY(svg, `1e${e}`));
    ys.forEach((y) => expect(Number.isFinite(y)).toBe(true));
    const gaps = ys.slice(1).map((y, i) => ys[i]! - y);
    gaps.forEach((g) => expect(g).toBeGreaterThan(0));
    gaps.forEach((g) => expect(Math.abs(g - gaps[0]!)).toBeLessThan(0.05)); // tolerance: coordinate rounding (0.01 px)
  });

  it('gives series distinct palette colours, dashes dashed ones and shades bands', () => {
    const svg = lineChart({
      title: 't',
      series: [
        { name: 'a', points: pts([1, 2, 3]), band: [{ x: 1, lo: 0, hi: 2 }, { x: 3, lo: 2, hi: 4 }] },
        { name: 'b', points: pts([3, 2, 1]), dashed: true },
      ],
    });
    expect(svg).toContain(`stroke="${PALETTE[0]}"`);
    expect(svg).toContain(`stroke="${PALETTE[1]}"`);
    expect(count(svg, /<polyline [^>]*stroke-dasharray/g)).toBe(1);
    expect(count(svg, /<polygon /g)).toBe(1);
  });

  it('draws a reference line with its label and fits the axis around it', () => {
    const svg = lineChart({ title: 't', yScale: 'log', series: [{ name: 's', points: pts([1e-3, 1e-1]) }], refLines: [{ y: 1e-14, label: 'report: 1e-14' }] });
    expect(svg).toContain('report: 1e-14');
    expect(svg).toMatch(/>1e-1[46]</);
  });

  it('rejects a bad size or an impossible fixed domain with a UsageError naming lineChart', () => {
    expect(() => lineChart({ title: 't', series: [], width: 10 })).toThrow(/lineChart: width/);
    expect(() => lineChart({ title: 't', series: [], yScale: 'log', yDomain: [0, 1] })).toThrow(UsageError);
  });
});

describe('lineChart markers', () => {
  it('draws the requested marker shape on each point and in the legend', () => {
    const svg = lineChart({ title: 't', series: [{ name: 's', points: pts([1, 2, 3]), marker: 'diamond' }] });
    expect(count(svg, /<circle /g)).toBe(0);
    expect(count(svg, /<polygon points="[^"]*" fill="#0072B2"/g)).toBe(4); // 3 points + 1 legend sample
  });
});

describe('colorRamp', () => {
  it('gives n distinct, ordered colours from dark to light', () => {
    const c = colorRamp(17);
    expect(new Set(c).size).toBe(17);
    const lum = (h: string): number => [1, 3, 5].reduce((s, i) => s + parseInt(h.slice(i, i + 2), 16), 0);
    expect(lum(c[0]!)).toBeLessThan(lum(c[16]!));
    expect(() => colorRamp(-1)).toThrow(UsageError);
  });
});
