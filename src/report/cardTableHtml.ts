import type { CardEntry } from '../card/CardEntry.js';
import { escapeXml as esc } from '../plots/escapeXml.js';
import { formatBand, formatMeasured, formatReported } from './formatCardValue.js';
import { verdictCounts } from './verdictCounts.js';

const LABEL = { reproduced: 'reproduced', 'not-reproduced': 'not reproduced', inconclusive: 'inconclusive' } as const;

/**
 * Report-card rows as an HTML table, grouped under one heading per experiment (claims under
 * their own), each row tinted by verdict: reported vs measured ± sd, band with its reason.
 */
export function cardTableHtml(entries: readonly CardEntry[], heading: string): string {
  if (entries.length === 0) return `<p class="empty">No report-card entries for this section.</p>`;
  const c = verdictCounts(entries);
  const groups = new Map<string, CardEntry[]>();
  for (const e of entries) groups.set(groupOf(e.id), [...(groups.get(groupOf(e.id)) ?? []), e]);
  const parts = [
    `<h3>${esc(heading)}</h3>`,
    `<p class="counts">${badge('reproduced', c.byVerdict.reproduced)} ${badge('not-reproduced', c.byVerdict['not-reproduced'])} ${badge('inconclusive', c.byVerdict.inconclusive)}</p>`,
  ];
  for (const [group, rows] of groups) {
    parts.push(`<table class="card"><caption>${esc(group)}</caption>`);
    parts.push('<thead><tr><th>id</th><th>reported</th><th>measured (mean ± sd)</th><th>band</th><th>verdict</th><th>reason</th></tr></thead><tbody>');
    for (const e of rows) {
      parts.push(
        `<tr class="v-${e.verdict}" id="card-${esc(e.id.replace(/[^A-Za-z0-9_-]/g, '_'))}">` +
          `<td class="id"><code>${esc(e.id)}</code>${e.gating ? ' <span class="gating" title="out of band fails the CI gate">gating</span>' : ''}${e.missing ? ' <span class="missing" title="the runs this entry needs are not in the results">runs missing</span>' : ''}</td>` +
          `<td>${esc(formatReported(e))}</td>` +
          `<td>${esc(formatMeasured(e))}${e.measured && e.measured.n > 1 ? `<div class="sub">seeds: ${esc(e.measured.values.map((v) => String(Number(v.toPrecision(4)))).join(', '))}</div>` : ''}</td>` +
          `<td>${esc(formatBand(e))}${e.band ? `<div class="sub">${esc(e.band.reason)}</div>` : ''}</td>` +
          `<td><span class="verdict ${e.verdict}">${LABEL[e.verdict]}</span></td>` +
          `<td>${esc(e.reason)}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  return parts.join('\n');
}

/** A coloured verdict count, e.g. "12 reproduced". */
export function badge(verdict: CardEntry['verdict'], n: number): string {
  return `<span class="verdict ${verdict}">${n} ${LABEL[verdict]}</span>`;
}

// `gurmukhi/l2-dropout/epoch-3/testAcc` → `gurmukhi/l2-dropout`; claims keep their own group.
function groupOf(id: string): string {
  const parts = id.split('/');
  if (parts[1] === 'claim' || parts.length < 3) return 'claims';
  return parts.slice(0, 2).join('/');
}
