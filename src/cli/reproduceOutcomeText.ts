import path from 'node:path';
import type { ReproduceResult } from '../reproduce/reproduce.js';

/**
 * The closing lines of `gradproof reproduce`: the runs that failed, each with its cause, then
 * exactly what was written under `outDir` and what was not. Only files that exist are named.
 * A shard's card, plots and report are not written unless it holds every run; it says so.
 */
export function reproduceOutcomeText(outDir: string, result: ReproduceResult): string {
  const { failed, written } = result;
  const lines: string[] = [];
  const tried = written.records.length + failed.length;
  if (failed.length > 0) {
    lines.push(`gradproof reproduce: ${failed.length} of ${tried} run${tried === 1 ? '' : 's'} failed:`);
    for (const f of failed) {
      const [first = '(it printed no error)', ...rest] = f.cause;
      lines.push(`  ${f.experiment} seed ${f.seed} (${f.ended}): ${first}`, ...rest.map((l) => `      ${l}`));
    }
  }
  const shard = result.shard;
  const manifest = shard ? `${path.basename(shard.manifest)} (shard ${shard.k}/${shard.n}, ${shard.jobs} of ${shard.of} jobs)` : '';
  if (shard && shard.jobs === 0) {
    lines.push(`gradproof reproduce: shard ${shard.k}/${shard.n} holds none of the ${shard.of} jobs (fewer jobs than shards); wrote in ${outDir}: ${manifest}`);
    return `${lines.join('\n')}\n`;
  }
  if (result.records.length === 0 && shard) {
    lines.push(`gradproof reproduce: no run finished, so there is nothing to judge; wrote in ${outDir} only ${manifest}`);
    return `${lines.join('\n')}\n`;
  }
  if (result.records.length === 0) {
    lines.push(
      `gradproof reproduce: no run finished, so there is nothing to judge; nothing was written in ${outDir} (no run record, card, plots or report.html)`,
    );
    return `${lines.join('\n')}\n`;
  }
  const rel = (p: string) => path.relative(outDir, p) || '.';
  const parts: string[] = [];
  const recordDirs = [...new Set(written.records.map((r) => `${rel(path.dirname(path.dirname(r)))}/`))].join(', ');
  const kept = written.kept > 0 ? `; ${written.kept} more were there already and kept` : '';
  parts.push(
    written.records.length > 0
      ? `${plural(written.records.length, 'run record')} (${recordDirs}${kept})`
      : `no new run record (${written.kept} there already and kept)`,
  );
  if (written.card.length > 0) parts.push(`the report card (${written.card.map(rel).join(', ')}; ${result.card.length} entries)`);
  if (written.plots.length > 0) parts.push(`${plural(written.plots.length, 'plot file')} (${rel(path.dirname(written.plots[0]!))}/)`);
  if (written.report !== null) parts.push(rel(written.report));
  if (shard) parts.push(manifest);
  lines.push(`gradproof reproduce: wrote in ${outDir}: ${parts.join(', ')}`);
  const notWritten = [
    ...(failed.length === 1 ? [`the run record of ${failed[0]!.experiment} seed ${failed[0]!.seed} (it failed; the same command tries it again)`] : []),
    ...(failed.length > 1 ? [`the run records of the ${failed.length} failed runs (the same command tries them again)`] : []),
    ...(written.card.length === 0 ? [notCarded(result)] : []),
  ];
  if (notWritten.length > 0) lines.push(`gradproof reproduce: not written: ${notWritten.join('; ')}`);
  return `${lines.join('\n')}\n`;
}

/** Why a call that finished runs wrote no card. */
function notCarded(result: ReproduceResult): string {
  const { shard } = result;
  const chained = result.records.some((r) => r.protocol === 'chained');
  if (shard && !shard.whole && chained) {
    return `plots of the chains (they need every shard's seeds) or a report card (chained runs never count for the card)`;
  }
  if (shard && !shard.whole) {
    return `the report card, plots or report.html: they need every shard's runs (\`gradproof check --results\` over all ${shard.n} shards' folders judges them)`;
  }
  return 'a report card or report.html (chained runs never count for the card)';
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
