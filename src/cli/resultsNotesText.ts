import type { Results } from '../reproduce/readResults.js';
import type { ValueCount } from '../reproduce/recordProvenance.js';
import type { ShardSweep } from '../reproduce/ShardManifest.js';

/**
 * What `gradproof check` says on stderr about the folders it merged, before the card: copies
 * counted once, records of several gradproof versions or backends pooled, and each sharded
 * sweep, complete or with the shards and runs it lacks (`incomplete`: check then exits 1, since
 * their card entries would only count as not measured). Empty text for one plain folder.
 */
export function resultsNotesText(results: Results): { text: string; incomplete: boolean } {
  const lines: string[] = [];
  const n = results.duplicates.length;
  if (n > 0) {
    lines.push(`gradproof check: ${n} record${n === 1 ? '' : 's'} found again in another file with the same content (timing aside); counted once`);
  }
  const { gradproof, backends } = results.provenance;
  const mixed = [
    ...(gradproof.length > 1 ? [`${gradproof.length} gradproof versions (${counts(gradproof)})`] : []),
    ...(backends.length > 1 ? [`${backends.length} backends (${counts(backends)})`] : []),
  ];
  if (mixed.length > 0) lines.push(`gradproof check: the records come from ${mixed.join(' and ')}; the card pools them all`);
  let incomplete = false;
  for (const g of results.sweeps) {
    const what = `sweep \`${sweepFlags(g.sweep)}\` in ${g.n} shard${g.n === 1 ? '' : 's'}`;
    if (g.missingShards.length === 0 && g.missingJobs.length === 0) {
      lines.push(`gradproof check: ${what}: all ${g.n} shards given, all ${g.of} ${g.sweep.protocol === 'chained' ? 'chains' : 'runs'} there`);
      continue;
    }
    incomplete = true;
    const lacks = [
      ...(g.missingShards.length > 0 ? [`shard${g.missingShards.length === 1 ? '' : 's'} ${g.missingShards.map((k) => `${k}/${g.n}`).join(', ')} not given`] : []),
      ...g.missingJobs.map((j) => `no record of ${j.experiment} seed ${j.seed} (shard ${j.k}/${g.n})`),
    ];
    lines.push(`gradproof check: INCOMPLETE ${what}: ${lacks.join('; ')}; what they measure counts as not measured, so check exits 1`);
  }
  return { text: lines.map((l) => `${l}\n`).join(''), incomplete };
}

function counts(values: readonly ValueCount[]): string {
  return values.map((v) => `${v.value}: ${v.records} record${v.records === 1 ? '' : 's'}`).join(', ');
}

/** The `reproduce` flags that make a sweep, as a user would type them. */
function sweepFlags(s: ShardSweep): string {
  return [
    'gradproof reproduce',
    ...(s.only !== null ? [`--only '${s.only}'`] : []),
    `--seeds ${s.seeds}`,
    ...(s.epochs !== null ? [`--epochs ${s.epochs}`] : []),
    ...(s.limit !== null ? [`--limit ${s.limit}`] : []),
    ...(s.protocol === 'chained' ? [`--protocol chained --order ${(s.order ?? []).join(',')}`] : []),
  ].join(' ');
}
