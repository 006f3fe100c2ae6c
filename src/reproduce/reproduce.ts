import path from 'node:path';
import { buildReportCard } from '../card/buildReportCard.js';
import type { CardEntry } from '../card/CardEntry.js';
import { loadGoldenDir } from '../golden/loadGoldenDir.js';
import { reportedCurves } from '../golden/reportedCurves.js';
import { writePlots } from '../plots/writePlots.js';
import type { RunRecord } from '../record/RunRecord.js';
import { writeJsonAtomic } from '../record/writeJsonAtomic.js';
import { renderCardMarkdown } from '../report/renderCardMarkdown.js';
import { writeHtmlReport } from '../report/writeHtmlReport.js';
import { writeFileAtomic } from '../record/writeFileAtomic.js';
import { acquireLock } from './acquireLock.js';
import { removeStaleTemps } from './removeStaleTemps.js';
import { reproduceChain } from './reproduceChain.js';
import { reproduceRuns } from './reproduceRuns.js';
import type { ReproduceOptions } from './ReproduceOptions.js';

/** What a reproduce wrote and found. */
export interface ReproduceResult {
  readonly records: readonly RunRecord[];
  readonly card: readonly CardEntry[];
  readonly failed: readonly string[];
  readonly files: readonly string[];
}

/**
 * `gradproof reproduce` as a library call: holds the output folder's lock, makes sure every
 * planned run has a record (resuming, in parallel), then writes the report card (card.json,
 * card.md), plots (plots/*.svg|png) and a self-contained report.html. The chained protocol writes
 * its records (and plots of them) under chained/ and leaves the card to fresh runs.
 */
export async function reproduce(o: ReproduceOptions): Promise<ReproduceResult> {
  const release = acquireLock(o.outDir);
  try {
    const stale = await removeStaleTemps(o.outDir);
    if (stale > 0) o.log(`reproduce: removed ${stale} temporary file(s) left by an interrupted run`);
    const goldens = await loadGoldenDir();
    if (o.protocol === 'chained') {
      const records = await reproduceChain(o);
      const dir = path.join(o.outDir, 'chained', 'plots');
      const files = await writePlots(records, dir, { reported: reportedCurves(goldens) });
      o.log(`reproduce (chained): ${records.length} runs; plots in ${dir}`);
      return { records, card: [], failed: [], files };
    }
    const { records, failed } = await reproduceRuns(o);
    const card = buildReportCard(goldens, records);
    const files: string[] = [];
    const cardJson = path.join(o.outDir, 'card.json');
    await writeJsonAtomic(cardJson, card);
    const cardMd = path.join(o.outDir, 'card.md');
    await writeFileAtomic(cardMd, renderCardMarkdown(card), 'reproduce');
    files.push(cardJson, cardMd);
    const reported = reportedCurves(goldens);
    if (records.length > 0) {
      o.log('reproduce: drawing plots');
      files.push(...(await writePlots(records, path.join(o.outDir, 'plots'), { reported })));
      const html = path.join(o.outDir, 'report.html');
      await writeHtmlReport(html, { records, card, reported });
      files.push(html);
    }
    return { records, card, failed: failed.map((f) => `${f.run.experiment} seed ${f.run.seed}: ${f.error}`), files };
  } finally {
    release();
  }
}
