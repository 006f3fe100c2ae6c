import path from 'node:path';
import { buildReportCard } from '../card/buildReportCard.js';
import type { CardEntry } from '../card/CardEntry.js';
import { loadGoldenDir } from '../golden/loadGoldenDir.js';
import { reportedCurves } from '../golden/reportedCurves.js';
import { writePlots } from '../plots/writePlots.js';
import type { RunRecord } from '../record/RunRecord.js';
import { writeJsonAtomic } from '../record/writeJsonAtomic.js';
import { writeFileAtomic } from '../record/writeFileAtomic.js';
import { renderCardMarkdown } from '../report/renderCardMarkdown.js';
import { writeHtmlReport } from '../report/writeHtmlReport.js';
import { acquireLock } from './acquireLock.js';
import type { FailedRun } from './FailedRun.js';
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
}

/** What a reproduce wrote and found. */
export interface ReproduceResult {
  /** Every finished record the card was built from (kept and new). */
  readonly records: readonly RunRecord[];
  /** The report card; empty when none was written (chained protocol, or no finished run at all). */
  readonly card: readonly CardEntry[];
  /** Runs that ended without a record, each with its own words for why. */
  readonly failed: readonly FailedRun[];
  /** Every file written besides run records: card, plots, report. */
  readonly files: readonly string[];
  readonly written: ReproduceWritten;
}

/**
 * `gradproof reproduce` as a library call. Checks first that the data the runs need is there
 * (a DataError naming what is missing and how to get it, before anything starts or is
 * written); then holds the output folder's lock, makes sure every planned run has a record
 * (resuming, in parallel; a failed run is reported, not fatal), and, when at least one finished
 * record exists, writes the report card (card.json, card.md), plots (plots/*.svg|png) and a
 * self-contained report.html. With no finished record there is nothing to judge, and nothing
 * but the failures is returned. The chained protocol writes its records (and plots of them)
 * under chained/ and leaves the card to fresh runs.
 */
export async function reproduce(o: ReproduceOptions): Promise<ReproduceResult> {
  const needed =
    o.protocol === 'fresh'
      ? (await pendingRuns(o)).todo.map((r) => r.experiment)
      : Array.from({ length: o.seeds }, () => o.order ?? []).flat();
  requireData(needed, o.dataDir);
  const release = acquireLock(o.outDir);
  try {
    const stale = await removeStaleTemps(o.outDir);
    if (stale > 0) o.log(`reproduce: removed ${stale} temporary file(s) left by an interrupted run`);
    const goldens = await loadGoldenDir();
    const reported = reportedCurves(goldens);
    if (o.protocol === 'chained') {
      const chain = await reproduceChain(o);
      const dir = path.join(o.outDir, 'chained', 'plots');
      const plots = await writePlots(chain.records, dir, { reported });
      o.log(`reproduce (chained): ${chain.records.length} runs; plots in ${dir}`);
      const written = { records: chain.files, kept: 0, card: [], plots, report: null };
      return { records: chain.records, card: [], failed: [], files: plots, written };
    }
    const runs = await reproduceRuns(o);
    if (runs.records.length === 0) {
      const written = { records: [], kept: 0, card: [], plots: [], report: null };
      return { records: [], card: [], failed: runs.failed, files: [], written };
    }
    const card = buildReportCard(goldens, runs.records);
    const cardJson = path.join(o.outDir, 'card.json');
    await writeJsonAtomic(cardJson, card);
    const cardMd = path.join(o.outDir, 'card.md');
    await writeFileAtomic(cardMd, renderCardMarkdown(card), 'reproduce');
    o.log('reproduce: drawing plots');
    const plots = await writePlots(runs.records, path.join(o.outDir, 'plots'), { reported });
    const report = path.join(o.outDir, 'report.html');
    await writeHtmlReport(report, { records: runs.records, card, reported });
    const written = { records: runs.written, kept: runs.kept, card: [cardJson, cardMd], plots, report };
    return { records: runs.records, card, failed: runs.failed, files: [cardJson, cardMd, ...plots, report], written };
  } finally {
    release();
  }
}
