import path from 'node:path';
import { buildReportCard } from '../card/buildReportCard.js';
import type { CardEntry } from '../card/CardEntry.js';
import { loadGoldenDir } from '../golden/loadGoldenDir.js';
import type { GoldenFile } from '../golden/GoldenFile.js';
import { readdir } from 'node:fs/promises';
import { reportedCurves } from '../golden/reportedCurves.js';
import { writePlots } from '../plots/writePlots.js';
import type { RunRecord } from '../record/RunRecord.js';
import { writeJsonAtomic } from '../record/writeJsonAtomic.js';
import { writeFileAtomic } from '../record/writeFileAtomic.js';
import { renderCardMarkdown } from '../report/renderCardMarkdown.js';
import { writeHtmlReport } from '../report/writeHtmlReport.js';
import { readExplainResult } from '../explain/readExplainResult.js';
import { explainSectionMarkdown } from '../report/explainSectionMarkdown.js';
import { acquireLock } from './acquireLock.js';
import { chainSeeds } from './chainSeeds.js';
import type { FailedRun } from './FailedRun.js';
import { markShard, type ShardOutcome } from './markShard.js';
import { pendingRuns } from './pendingRuns.js';
import { removeStaleTemps } from './removeStaleTemps.js';
import { reproduceChain } from './reproduceChain.js';
import { reproduceRuns } from './reproduceRuns.js';
import type { ReproduceOptions } from './ReproduceOptions.js';
import { requireData } from './requireData.js';

/** Exactly what one `reproduce` call wrote: nothing is listed that is not on disk. */
export interface ReproduceWritten {
  /** Run records this call wrote. */
  readonly records: readonly string[];
  /** Finished records found in the folder and kept (not run again). */
  readonly kept: number;
  /** card.json and card.md; empty when no card was written. */
  readonly card: readonly string[];
  /** plots/*.svg|png. */
  readonly plots: readonly string[];
  /** report.html, or null when it was not written. */
  readonly report: string | null;
  /** shard.json of a shard run, or null. */
  readonly shard: string | null;
}

/** What a reproduce wrote and found. */
export interface ReproduceResult {
  /** Every finished record the card was built from (kept and new). */
  readonly records: readonly RunRecord[];
  /** The report card; empty when none was written (chained protocol, or no finished run at all). */
  readonly card: readonly CardEntry[];
  /** Runs that ended without a record, each with its own words for why. */
  readonly failed: readonly FailedRun[];
  /** Every file written besides run records: card, plots, report, shard manifest. */
  readonly files: readonly string[];
  readonly written: ReproduceWritten;
  /** The shard this call ran, or null for the whole sweep. */
  readonly shard: ShardOutcome | null;
}

/**
 * `gradproof reproduce` as a library call. Checks first that the data the runs need is there
 * (a DataError naming what is missing and how to get it, before anything starts or is
 * written); then holds the output folder's lock, makes sure every planned run has a record
 * (resuming, in parallel; a failed run is reported, not fatal), and, when at least one finished
 * record exists, writes the report card (card.json, card.md), plots (plots/*.svg|png) and a
 * self-contained report.html. With no finished record there is nothing to judge, and nothing
 * but the failures is returned. The chained protocol writes its records (and plots of them)
 * under chained/ and leaves the card to fresh runs. With `shard`, only that shard's jobs run
 * and `<out>/shard.json` says which; unless the shard holds every job, the card, plots and
 * report (which need every run) are not written: `gradproof check` over all the shards' folders
 * makes the card.
 */
export async function reproduce(o: ReproduceOptions): Promise<ReproduceResult> {
  const pending = o.protocol === 'fresh' ? await pendingRuns(o) : undefined;
  const chains = chainSeeds(o).map((seed) => ({ experiment: (o.order ?? []).join('+'), seed }));
  const needed = pending ? pending.todo.map((r) => r.experiment) : chains.flatMap(() => o.order ?? []);
  const located: ReproduceOptions = { ...o, dataDirs: await requireData(needed, o) };
  const release = acquireLock(o.outDir);
  try {
    const stale = await removeStaleTemps(o.outDir);
    if (stale > 0) o.log(`reproduce: removed ${stale} temporary file(s) left by an interrupted run`);
    const shard = await markShard(o, pending?.plan ?? chains, pending?.of ?? o.seeds);
    const partial = shard !== null && !shard.whole;
    const manifest = shard ? [shard.manifest] : [];
    const goldens = await projectGoldens(o);
    const reported = reportedCurves(goldens);
    if (o.protocol === 'chained') {
      const chain = await reproduceChain(located);
      const dir = path.join(o.outDir, 'chained', 'plots');
      // A shard's plots would band only its own seeds.
      const plots = partial ? [] : await writePlots(chain.records, dir, { reported });
      o.log(`reproduce (chained): ${chain.records.length} runs${partial ? '' : `; plots in ${dir}`}`);
      const written = { records: chain.files, kept: 0, card: [], plots, report: null, shard: shard?.manifest ?? null };
      return { records: chain.records, card: [], failed: [], files: [...plots, ...manifest], written, shard };
    }
    const runs = await reproduceRuns(located);
    if (runs.records.length === 0 || partial) {
      const written = { records: runs.written, kept: runs.kept, card: [], plots: [], report: null, shard: shard?.manifest ?? null };
      return { records: runs.records, card: [], failed: runs.failed, files: manifest, written, shard };
    }
    const card = buildReportCard(goldens, runs.records);
    const cardJson = path.join(o.outDir, 'card.json');
    await writeJsonAtomic(cardJson, card);
    const cardMd = path.join(o.outDir, 'card.md');
    // A protocol search beside the results (`gradproof explain`'s default --out) joins the card and report.
    const explain = await readExplainResult(path.join(o.outDir, 'explain', 'explain.json'));
    await writeFileAtomic(cardMd, renderCardMarkdown(card) + (explain ? `\n${explainSectionMarkdown(explain)}` : ''), 'reproduce');
    o.log('reproduce: drawing plots');
    const plots = await writePlots(runs.records, path.join(o.outDir, 'plots'), { reported });
    const report = path.join(o.outDir, 'report.html');
    await writeHtmlReport(report, { records: runs.records, card, reported, ...(explain ? { explain } : {}), ...(o.project?.configPath ? { title: `gradproof: ${o.project.configPath}` } : {}) });
    const written = { records: runs.written, kept: runs.kept, card: [cardJson, cardMd], plots, report, shard: shard?.manifest ?? null };
    return { records: runs.records, card, failed: runs.failed, files: [cardJson, cardMd, ...plots, report, ...manifest], written, shard };
  } finally {
    release();
  }
}

/**
 * The golden files to judge by. A project that has none yet (its golden folder missing or
 * empty) gets an empty card and a line saying how to make one; gradproof's own, or a project's
 * golden file that does not read or validate, is an error as ever.
 */
async function projectGoldens(o: ReproduceOptions): Promise<GoldenFile[]> {
  const dir = o.project?.goldenDir;
  if (dir !== undefined && o.project?.configPath) {
    const names = await readdir(dir).catch(() => [] as string[]);
    if (!names.some((n) => n.endsWith('.json') && !n.includes('rubric'))) {
      o.log(`reproduce: no golden files in ${dir} yet, so the card is empty; make one from a training log with \`gradproof golden init --log FILE --experiment ID --spread ${o.outDir}\``);
      return [];
    }
  }
  return loadGoldenDir(dir);
}
