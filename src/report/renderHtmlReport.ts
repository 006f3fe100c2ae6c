import type { CardEntry } from '../card/CardEntry.js';
import { UsageError } from '../errors/UsageError.js';
import { buildPlots } from '../plots/buildPlots.js';
import { escapeXml as esc } from '../plots/escapeXml.js';
import type { Plot } from '../plots/Plot.js';
import type { ReportedCurves } from '../plots/ReportedEpoch.js';
import type { RunRecord } from '../record/RunRecord.js';
import { badge, cardTableHtml } from './cardTableHtml.js';
import { figureHtml } from './figureHtml.js';
import type { ExplainResult } from '../explain/ExplainResult.js';
import { explainSectionHtml } from './explainSectionHtml.js';
import { provenanceHtml } from './provenanceHtml.js';
import { REPORT_CSS } from './reportCss.js';
import { verdictCounts } from './verdictCounts.js';

/** What `renderHtmlReport` needs. */
export interface HtmlReportInput {
  readonly records: readonly RunRecord[];
  readonly card: readonly CardEntry[];
  /** Charts to inline; default: `buildPlots(records, { reported })`. */
  readonly plots?: readonly Plot[];
  readonly title?: string;
  /** The report's Q2 figures, used only when `plots` is not given. */
  readonly reported?: ReportedCurves;
  /** `gradproof explain`'s result: adds the "What explains the report" section. */
  readonly explain?: ExplainResult;
}

/**
 * One self-contained HTML page (inline SVG charts and CSS, no scripts, no external requests)
 * that follows the report: a header with verdict counts and provenance, then Q1 (activation
 * comparison; per activation the depth profile and each run's layer gradients) and Q2 (the
 * four runs overlaid, per-run curves), each followed by its report-card rows.
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  const { records, card } = input ?? ({} as HtmlReportInput);
  if (!Array.isArray(records as unknown) || !Array.isArray(card as unknown)) {
    throw new UsageError(`renderHtmlReport: need { records: RunRecord[], card: CardEntry[] }, got records ${typeof records}, card ${typeof card}`);
  }
  const plots = input.plots ?? buildPlots(records, { reported: input.reported });
  const used = new Set<string>();
  const take = (p: Plot | undefined): string => (p ? (used.add(p.name), figureHtml(p)) : '');
  const byName = (name: string): Plot | undefined => plots.find((p) => p.name === name);
  const ofKind = (section: string, kind: Plot['kind']): Plot[] => plots.filter((p) => p.section === section && p.kind === kind);
  const none = (what: string): string => `<p class="empty">No ${esc(what)} in these results.</p>`;
  const title = input.title ?? 'gradproof: reproducing HW3 (Q1 CIFAR-10, Q2 Gurmukhi)';
  const c = verdictCounts(card);

  const q1: string[] = ['<section id="q1">', '<h2>Q1 — Producing vanishing gradients and resolving them on CIFAR-10</h2>'];
  q1.push('<h3>Impact of activation functions</h3>', take(byName('cifar.activations')) || none('plain CIFAR runs'));
  q1.push('<h3>Vanishing gradient cause and fix</h3>');
  const depths = ofKind('Q1', 'depth');
  if (depths.length === 0) q1.push(none('CIFAR gradient records'));
  for (const d of depths) {
    const act = d.name.replace(/^cifar-/, '').replace(/\.depth$/, '');
    const runs = ofKind('Q1', 'layers').filter((p) => p.experiments.every((id) => id.startsWith(`cifar/${act}-`)));
    const curves = ofKind('Q1', 'curves').filter((p) => p.experiments.every((id) => id.startsWith(`cifar/${act}-`)));
    q1.push(`<h4>${esc(act)}</h4>`, take(d));
    q1.push(`<div class="pair">${runs.map(take).join('\n')}</div>`);
    if (curves.length > 0) q1.push(`<details><summary>${esc(act)}: loss and accuracy per run</summary><div class="pair">${curves.map(take).join('\n')}</div></details>`);
  }
  q1.push(...leftovers(plots, 'Q1', used), cardTableHtml(card.filter((e) => e.section === 'Q1'), 'Report card — Q1'), '</section>');

  const q2: string[] = ['<section id="q2">', '<h2>Q2 — Gurmukhi digits: regularisation implemented from scratch</h2>'];
  q2.push('<h3>The four runs overlaid</h3>', take(byName('gurmukhi.overlay')) || none('Gurmukhi runs'));
  const q2curves = ofKind('Q2', 'curves');
  if (q2curves.length > 0) q2.push('<h3>Per-run curves</h3>', `<div class="pair">${q2curves.map(take).join('\n')}</div>`);
  const q2layers = ofKind('Q2', 'layers');
  if (q2layers.length > 0) q2.push(`<details><summary>Per-run layer gradients</summary><div class="pair">${q2layers.map(take).join('\n')}</div></details>`);
  q2.push(...leftovers(plots, 'Q2', used), cardTableHtml(card.filter((e) => e.section === 'Q2'), 'Report card — Q2'), '</section>');

  // A project's own sections; the report's two are shown when they hold something, or when there is nothing else.
  const others = [...new Set([...plots.map((p) => p.section), ...card.map((e) => e.section)])].filter((s) => s !== 'Q1' && s !== 'Q2');
  const has = (s: string): boolean => plots.some((p) => p.section === s) || card.some((e) => e.section === s);
  const showQ1 = others.length === 0 || has('Q1');
  const showQ2 = others.length === 0 || has('Q2');
  const own = others.flatMap((s, i) => ownSection(s, `s${i + 1}`, plots, card.filter((e) => e.section === s), used));
  const nav = [
    ...(showQ1 ? ['<a href="#q1">Q1 CIFAR-10</a>'] : []),
    ...(showQ2 ? ['<a href="#q2">Q2 Gurmukhi</a>'] : []),
    ...others.map((s, i) => `<a href="#s${i + 1}">${esc(s)}</a>`),
    ...(input.explain ? ['<a href="#explain">What explains the report</a>'] : []),
    '<a href="#provenance">Provenance</a>',
  ];
  const gate = c.gatingFailures > 0
    ? `<span class="gate-fail">${c.gatingFailures} gating ${c.gatingFailures === 1 ? 'entry' : 'entries'} not reproduced: the CI gate fails</span>`
    : `<span class="gate-ok">no gating entry out of its band</span>`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title><style>${REPORT_CSS}</style></head><body>`,
    `<header><h1>${esc(title)}</h1>`,
    `<p class="summary">${c.total} report-card entries: ${badge('reproduced', c.byVerdict.reproduced)} ${badge('not-reproduced', c.byVerdict['not-reproduced'])} ${badge('inconclusive', c.byVerdict.inconclusive)}${c.missing > 0 ? ` (${c.missing} without the runs they need)` : ''} — ${gate}</p>`,
    `<nav>${nav.join('')}</nav></header>`,
    ...(showQ1 ? q1 : []),
    ...(showQ2 ? q2 : []),
    ...own,
    ...(input.explain ? [explainSectionHtml(input.explain)] : []),
    '<section id="provenance"><h2>Provenance</h2>',
    provenanceHtml(records),
    '</section></body></html>',
    '',
  ].join('\n');
}

/** A section of a project's own: per-run curves, layer gradients folded away, any other plots, then its card rows. */
function ownSection(section: string, anchor: string, plots: readonly Plot[], card: readonly CardEntry[], used: Set<string>): string[] {
  const mine = plots.filter((p) => p.section === section);
  const curves = mine.filter((p) => p.kind === 'curves');
  const layers = mine.filter((p) => p.kind === 'layers');
  [...curves, ...layers].forEach((p) => used.add(p.name));
  const out = [`<section id="${anchor}">`, `<h2>${esc(section)}</h2>`];
  if (curves.length > 0) out.push('<h3>Per-run curves</h3>', `<div class="pair">${curves.map(figureHtml).join('\n')}</div>`);
  else out.push(`<p class="empty">No ${esc(section)} runs in these results.</p>`);
  if (layers.length > 0) out.push(`<details><summary>Per-run layer gradients</summary><div class="pair">${layers.map(figureHtml).join('\n')}</div></details>`);
  out.push(...leftovers(plots, section, used), cardTableHtml(card, `Report card — ${section}`), '</section>');
  return out;
}

function leftovers(plots: readonly Plot[], section: string, used: ReadonlySet<string>): string[] {
  const rest = plots.filter((p) => p.section === section && !used.has(p.name));
  return rest.length === 0 ? [] : ['<h3>More plots</h3>', `<div class="pair">${rest.map(figureHtml).join('\n')}</div>`];
}
