import { UsageError } from '../errors/UsageError.js';
import type { RunRecord } from '../record/RunRecord.js';
import { summarize } from '../stats/summarize.js';
import { fmt } from '../card/fmt.js';
import type { GoldenFile } from './GoldenFile.js';
import { parseEpochLog } from './parseEpochLog.js';
import { quantityOf } from './quantityOf.js';

const RUNS = [
  { exp: 'gurmukhi/dropout', header: /^Dropout regularization$/, heading: 'Only Dropout Regularization:' },
  { exp: 'gurmukhi/l1-dropout', header: /^L1 regularization/, heading: 'L1 Regularisation and Dropout:' },
  { exp: 'gurmukhi/l1-l2-dropout', header: /^L1, L2, Dropout/, heading: 'L1 Regularization, L2 Regularization and Dropout:' },
  { exp: 'gurmukhi/l2-dropout', header: /^L2 regularization/, heading: 'L2 Regularization and Dropout:' },
] as const;
const METRICS = ['trainLoss', 'trainAcc', 'testAcc', 'gradNorm'] as const;
/** Half a unit in the last place the report prints: 4 decimals for loss and grad norm, 0.01% for accuracies. */
const RESOLUTION = 0.00005;

type Claim = GoldenFile['claims'][number];
const better = (id: string, quote: string, order: string[], quantity: 'testAcc' | 'trainLoss', reason: string): Claim => ({
  id,
  quote,
  test: { kind: 'ordering', quantity, epoch: 10, better: quantity === 'testAcc' ? 'higher' : 'lower', order, alpha: 0.05 },
  gating: false,
  reason,
});
const BEST = 'I came to the conclusion that L2 regularization along with Dropout works best to maximize the accuracy and minimize the loss.';
const OFFSET = 'Introducing L1 to the network introduces significant loss that offsets the gains achieved by having L2 and dropout in the network architecture.';
const CLAIMS: Record<string, Claim[]> = {
  'gurmukhi/l2-dropout': ['dropout', 'l1-dropout', 'l1-l2-dropout'].map((o) =>
    better(`gurmukhi/claim/l2-dropout-beats-${o}`, BEST, ['gurmukhi/l2-dropout', `gurmukhi/${o}`], 'testAcc', `"works best" read as higher epoch-10 test accuracy than ${o}, one-sided Welch over seeds`),
  ),
  'gurmukhi/l1-l2-dropout': [
    better('gurmukhi/claim/l1-offsets-l2-loss', OFFSET, ['gurmukhi/l2-dropout', 'gurmukhi/l1-l2-dropout'], 'trainLoss', 'read as a higher epoch-10 training loss (penalty included) with L1 added to L2 + dropout'),
  ],
};

/**
 * Builds the four Q2 golden files: every epoch row of the report's logs (4 metrics × 10 epochs
 * per run), each with the band reported ± max(k·σ, resolution), where σ is the run-to-run sd of
 * that figure over the `spread` records (fresh starts under the protocol). A figure gates CI only
 * if the spread's mean was within (k − 1)·σ of the report when the golden was set.
 */
export function buildQ2Goldens(reportText: string, spread: readonly RunRecord[], k = 2): GoldenFile[] {
  const logs = parseEpochLog(reportText, 'REPORT.md');
  return RUNS.map(({ exp, header, heading }) => {
    const log = logs.find((l) => header.test(l.header));
    if (!log || log.epochs.length !== 10) throw new UsageError(`golden update: the report has no 10-epoch log for ${exp}`);
    const runs = spread.filter((r) => r.experiment === exp && r.protocol === 'fresh' && r.config.limit === null);
    if (runs.length < 3) throw new UsageError(`golden update: need fresh protocol-scale runs of ${exp} for at least 3 seeds to measure spread, got ${runs.length}`);
    const seeds = runs.map((r) => r.seed).sort((a, b) => a - b);
    const figures = log.epochs.flatMap((row) =>
      METRICS.map((metric) => {
        const s = summarize(runs.map((r) => quantityOf(r, metric, row.epoch)!));
        const half = Math.max(k * s.sd, RESOLUTION);
        const acc = metric.endsWith('Acc');
        const reported = row[metric];
        // Every Q2 metric is non-negative, and accuracies are at most 1.
        const lo = Math.max(0, reported - half);
        const hi = acc ? Math.min(1, reported + half) : reported + half;
        // Gate only with a margin of one σ, so a single typical seed (within ±σ of the mean) also lands inside.
        const gating = Math.abs(s.mean - reported) <= Math.max((k - 1) * s.sd, RESOLUTION);
        return {
          id: `${exp}/epoch-${row.epoch}/${metric}`,
          experiment: exp,
          epoch: row.epoch,
          metric,
          reported,
          quote: row.line,
          band: {
            lo: Number(lo.toPrecision(6)),
            hi: Number(hi.toPrecision(6)),
            reason:
              `reported ± ${k}σ, σ = ${fmt(s.sd)}: the run-to-run sd of this figure over seeds ${seeds.join(', ')} under the protocol ` +
              `(the report is one run, so a faithful fresh start lands within ±${k}σ about 95% of the time). ` +
              (gating
                ? `Gating: those seeds' mean ${fmt(s.mean)} was within ${k - 1}σ of the report when the golden was set, so losing it is a regression.`
                : `Not gating: those seeds' mean ${fmt(s.mean)} was ${Math.abs(s.mean - reported) <= half ? 'inside the band by less than one σ' : 'outside the band — a finding about the report, not a regression'}.`),
          },
          gating,
        };
      }),
    );
    const first = runs[0]!;
    return {
      schemaVersion: 1,
      experiment: exp,
      section: 'Q2',
      provenance: { document: 'shared/REPORT.md', heading, quote: `Training with ${log.header}` },
      spread: {
        seeds,
        // The bytes depend on the kernels too (the native addon changes them), so name those.
        backend: [first.backend.name, ...first.backend.kernelPatches].join(' '),
        gradproof: first.versions['gradproof'] ?? 'unknown',
        k,
        note: 'fresh starts, protocol scale (10 epochs, all 1,000 training images), one run per seed',
      },
      figures,
      claims: CLAIMS[exp] ?? [],
    } satisfies GoldenFile;
  });
}
