import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/DataError';
import { UsageError } from '../../src/errors/UsageError';
import { escapeXml } from '../../src/plots/escapeXml';
import { renderHtmlReport } from '../../src/report/renderHtmlReport';
import { writeHtmlReport } from '../../src/report/writeHtmlReport';
import { syntheticRecord } from '../plots/syntheticRecord';
import { CARD } from './cardFixture';

const records = [
  ...['plain', 'vg', 'bn'].map((v) => syntheticRecord({ experiment: `cifar/tanh-${v}`, layers: v === 'plain' ? 7 : 17 })),
  ...['dropout', 'l1-dropout', 'l2-dropout', 'l1-l2-dropout'].flatMap((r) => [0, 1].map((seed) => syntheticRecord({ experiment: `gurmukhi/${r}`, layers: 6, seed }))),
];
const html = renderHtmlReport({ records, card: CARD, title: 'Run <A> & B' });

describe('renderHtmlReport', () => {
  it('mirrors the report: Q1 then Q2, each with its charts and then its card rows', () => {
    const q1 = html.indexOf('<section id="q1">');
    const q2 = html.indexOf('<section id="q2">');
    expect(q1).toBeGreaterThan(-1);
    expect(q2).toBeGreaterThan(q1);
    expect(html.indexOf('id="plot-cifar-tanh.depth"')).toBeGreaterThan(q1);
    expect(html.indexOf('id="plot-cifar-tanh-vg.layers"')).toBeLessThan(q2);
    expect(html.indexOf('id="plot-gurmukhi.overlay"')).toBeGreaterThan(q2);
    for (const e of CARD) {
      const at = html.indexOf(`<code>${escapeXml(e.id)}</code>`);
      expect(at, e.id).toBeGreaterThan(e.section === 'Q1' ? q1 : q2);
      if (e.section === 'Q1') expect(at, e.id).toBeLessThan(q2);
    }
  });

  it('is self-contained: inline SVG and CSS, no scripts, no URLs', () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).toMatch(/<style>[^]*\.verdict/);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThan(10);
  });

  it('leads with verdict counts and the gate, colour-codes rows and escapes text', () => {
    expect(html).toContain('4 report-card entries');
    expect(html).toContain('<span class="verdict reproduced">2 reproduced</span>');
    expect(html).toContain('1 gating entry not reproduced');
    expect(html).toContain('<tr class="v-not-reproduced"');
    expect(html).toContain('<title>Run &lt;A&gt; &amp; B</title>');
    expect(html).toContain('no cifar/sigmoid-vg runs &lt;yet&gt; &amp; none planned');
    expect(html).not.toContain('<yet>');
  });

  it('states provenance: seeds, backend and versions from the records', () => {
    const prov = html.slice(html.indexOf('<section id="provenance">'));
    expect(prov).toContain('<td><code>gurmukhi/l2-dropout</code></td><td>0, 1</td>');
    expect(prov).toContain('cpu');
    expect(prov).toContain('tfjs 4.22.0');
  });

  it('says so when a section has no runs, instead of leaving it empty', () => {
    const only = renderHtmlReport({ records: records.filter((r) => r.experiment.startsWith('gurmukhi/')), card: [] });
    expect(only).toContain('No plain CIFAR runs in these results.');
    expect(only).toContain('No report-card entries for this section.');
  });

  it('rejects input without records or card', () => {
    expect(() => renderHtmlReport({ records } as never)).toThrow(UsageError);
  });
});

describe('writeHtmlReport', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the page atomically and reports an unwritable path as a DataError', async () => {
    dir = await mkdtemp(join(tmpdir(), 'gradproof-report-'));
    const path = join(dir, 'sub', 'report.html');
    await writeHtmlReport(path, { records: records.slice(0, 3), card: CARD });
    expect(await readFile(path, 'utf8')).toMatch(/^<!doctype html>/);
    expect(await readdir(join(dir, 'sub'))).toEqual(['report.html']);
    await writeFile(join(dir, 'file'), 'x');
    await expect(writeHtmlReport(join(dir, 'file', 'r.html'), { records, card: CARD })).rejects.toThrow(DataError);
  });
});
