import { compareExperiments } from '../plots/buildPlots.js';
import { escapeXml as esc } from '../plots/escapeXml.js';
import { groupByExperiment } from '../plots/recordSeries.js';
import type { RunRecord } from '../record/RunRecord.js';

/**
 * Where the numbers came from: per experiment its seeds, protocol, epochs, training-set limit
 * and backend; then every software version seen across the records (differing values all
 * listed, since mixed versions are themselves a finding) and the wall-clock span.
 */
export function provenanceHtml(records: readonly RunRecord[]): string {
  if (records.length === 0) return '<p class="empty">No run records.</p>';
  const groups = groupByExperiment(records);
  const rows = [...groups.keys()].sort(compareExperiments).map((id) => {
    const rs = groups.get(id)!;
    const uniq = (f: (r: RunRecord) => string): string => [...new Set(rs.map(f))].join(', ');
    return (
      `<tr><td><code>${esc(id)}</code></td><td>${esc(rs.map((r) => r.seed).join(', '))}</td>` +
      `<td>${esc(uniq((r) => r.protocol))}</td><td>${esc(uniq((r) => String(r.epochs.length)))}</td>` +
      `<td>${esc(uniq((r) => (r.config.limit === null ? 'all' : String(r.config.limit))))} / ${esc(uniq((r) => String(r.config.data.trainCount)))}</td>` +
      `<td>${esc(uniq(backend))}</td></tr>`
    );
  });
  const versions = new Map<string, Set<string>>();
  for (const r of records) for (const [k, v] of Object.entries(r.versions)) versions.set(k, (versions.get(k) ?? new Set()).add(v));
  const versionText = [...versions].map(([k, vs]) => `${k} ${[...vs].join(' | ')}`).join(' · ');
  const starts = records.map((r) => r.timing.startedAt).sort();
  const ends = records.map((r) => r.timing.finishedAt).sort();
  const seconds = records.reduce((s, r) => s + r.timing.seconds, 0);
  return [
    '<table class="prov"><thead><tr><th>experiment</th><th>seeds</th><th>protocol</th><th>epochs</th><th>limit / train examples</th><th>backend</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
    `<p class="sub">versions: ${esc(versionText)}</p>`,
    `<p class="sub">${records.length} run${records.length === 1 ? '' : 's'}, ${esc(starts[0]!)} → ${esc(ends[ends.length - 1]!)}, ${Math.round(seconds)} s of training in all</p>`,
  ].join('\n');
}

function backend(r: RunRecord): string {
  const b = r.backend;
  const extra = [b.simd === undefined ? '' : b.simd ? 'simd' : 'no simd', b.threads === undefined ? '' : `${b.threads} threads`].filter(Boolean);
  return b.name + (extra.length > 0 ? ` (${extra.join(', ')})` : '');
}
