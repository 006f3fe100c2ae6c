import { access } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors/UsageError.js';
import { readRunRecord, writeRunRecord } from '../record/runRecordIO.js';
import { writeJsonAtomic } from '../record/writeJsonAtomic.js';
import { enumerateHypotheses } from './enumerateHypotheses.js';
import type { ExplainOptions } from './ExplainOptions.js';
import type { ExplainResult } from './ExplainResult.js';
import { explainVerdict } from './explainVerdict.js';
import { planExplainJobs } from './planExplainJobs.js';
import { rankHypotheses } from './rankHypotheses.js';
import { runExplainJob } from './runExplainJob.js';
import { runNodePath } from './runKey.js';
import { RunStore } from './RunStore.js';
import { scoreHypothesis } from './scoreHypothesis.js';

/**
 * Protocol forensics: runs (or reuses) the prefix trees of the hypotheses the families admit,
 * scores every hypothesis against the reported figures and ranks them. Resumable: a job whose
 * records are all in `outDir` is read, not run. With a shard that leaves jobs to others, returns
 * null once its own jobs are done; otherwise writes and returns explain.json's content.
 */
export async function explainReport(o: ExplainOptions): Promise<ExplainResult | null> {
  const started = performance.now();
  const log = o.log ?? (() => {});
  if (o.seeds.length < 2) throw new UsageError(`explain: needs at least two seeds for a spread, got ${o.seeds.length}`);
  const ids = o.experiments.map((e) => e.id);
  const epochs = o.epochs ?? Math.min(...o.experiments.map((e) => e.epochs));
  const figures = o.figures.filter((f) => f.epoch <= epochs);
  const unknown = figures.find((f) => !ids.includes(f.experiment));
  if (unknown) throw new UsageError(`explain: figure ${unknown.id} names ${unknown.experiment}, not among the runs ${ids.join(', ')}`);
  if (figures.length === 0) throw new UsageError(`explain: no reported figure lies within the ${epochs} epochs run`);
  const jobs = planExplainJobs(ids, o.seeds, o.families);
  const store = new RunStore();
  const ctx = {
    experiments: new Map(o.experiments.map((e) => [e.id, e])),
    dataDirFor: o.dataDirFor,
    ...(o.epochs !== undefined ? { epochs: o.epochs } : {}),
    ...(o.limit !== undefined ? { limit: o.limit } : {}),
    ...(o.backend ? { backend: o.backend } : {}),
  };
  let missing = 0;
  for (const [index, job] of jobs.entries()) {
    const files = job.nodes.map((n) => runNodePath(o.outDir, n, job.seed));
    if (await allExist(files)) {
      for (const [i, node] of job.nodes.entries()) store.add(node, await readRunRecord(files[i]!));
      continue;
    }
    if (o.shard && index % o.shard.n !== o.shard.k - 1) {
      missing += 1;
      continue;
    }
    log(`explain: job ${index + 1}/${jobs.length}: ${job.root} seed ${job.seed}${job.dropout !== undefined ? ` dropout ${job.dropout}` : ''} (${job.nodes.length} runs)`);
    await runExplainJob(job, ctx, async (node, record) => {
      await writeRunRecord(runNodePath(o.outDir, node, job.seed), record);
      store.add(node, record);
    });
  }
  if (missing > 0) {
    log(`explain: shard ${o.shard!.k}/${o.shard!.n} done; ${missing} jobs are other shards'. Run without --shard on the merged folder to score.`);
    return null;
  }
  const hypotheses = enumerateHypotheses(ids, o.families);
  const ranked = rankHypotheses(hypotheses.map((h) => scoreHypothesis(h, figures, store)));
  const protocol = ranked.find((s) => s.id === 'fresh')!;
  const best = ranked[0]!;
  const result: ExplainResult = {
    schemaVersion: 1,
    experiments: ids,
    seeds: [...o.seeds],
    families: o.families,
    epochs: o.epochs ?? null,
    limit: o.limit ?? null,
    figures: figures.length,
    hypotheses: hypotheses.length,
    runs: jobs.reduce((a, j) => a + j.nodes.length, 0),
    seconds: (performance.now() - started) / 1000,
    protocol,
    best,
    verdict: explainVerdict(best),
    ranking: ranked.map(({ id, logLikelihood, inBand, beyond3, departures }) => ({ id, logLikelihood, inBand, beyond3, departures })),
  };
  await writeJsonAtomic(path.join(o.outDir, 'explain.json'), result);
  return result;
}

async function allExist(files: readonly string[]): Promise<boolean> {
  for (const f of files) {
    try {
      await access(f);
    } catch {
      return false;
    }
  }
  return true;
}
