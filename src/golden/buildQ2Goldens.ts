import { UsageError } from '../errors/UsageError.js';
import type { RunRecord } from '../record/RunRecord.js';
import type { GoldenFile } from './GoldenFile.js';
import { measuredSpread } from './measuredSpread.js';
import { parseEpochLog } from './parseEpochLog.js';
import { quantityOf } from './quantityOf.js';
import { spreadFigureBand } from './spreadFigureBand.js';

const RUNS = [
  { exp: 'gurmukhi/dropout', header: /^Dropout regularization$/, heading: 'Only Dropout Regularization:' },
  { exp: 'gurmukhi/l1-dropout', header: /^L1 regularization/, heading: 'L1 Regularisation and Dropout:' },
  { exp: 'gurmukhi/l1-l2-dropout', header: /^L1, L2, Dropout/, heading: 'L1 Regularization, L2 Regularization and Dropout:' },
  { exp: 'gurmukhi/l2-dropout', header: /^L2 regularization/, heading: 'L2 Regularization and Dropout:' },
] as const;
const METRICS = ['trainLoss', 'trainAcc', 'testAcc', 'gradNorm'] as const;
/** Half a unit in the last place the report prints: 4 decimals for loss and grad norm, 0.01% for accuracies. */
const RESOLUTION = 0.00005;
const NOTE = 'fresh starts, protocol scale (10 epochs, all 1,000 training images), one run per seed';

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
 * if the spread's mean was within (k − 1)·σ of the report when the golden was set
 * (spreadFigureBand, which `golden init --spread` uses too).
 */
export function buildQ2Goldens(reportText: string, spread: readonly RunRecord[], k = 2): GoldenFile[] {
  const logs = parseEpochLog(reportText, 'REPORT.md');
  return RUNS.map(({ exp, header, heading }) => {
    const log = logs.find((l) => header.test(l.header));
    if (!log || log.epochs.length !== 10) throw new UsageError(`golden update: the report has no 10-epoch log for ${exp}`);
    const measured = measuredSpread(spread, exp, k, 'golden update', NOTE);
    const figures = log.epochs.flatMap((row) =>
      METRICS.map((metric) => ({
        id: `${exp}/epoch-${row.epoch}/${metric}`,
        experiment: exp,
        epoch: row.epoch,
        metric,
        reported: row[metric],
        quote: row.line,
        ...spreadFigureBand(
          row[metric],
          measured.runs.map((r) => quantityOf(r, metric, row.epoch)!),
          { k, resolution: RESOLUTION, accuracy: metric.endsWith('Acc'), seeds: measured.seeds },
        ),
      })),
    );
    return {
      schemaVersion: 1,
      experiment: exp,
      section: 'Q2',
      provenance: { document: 'shared/REPORT.md', heading, quote: `Training with ${log.header}` },
      spread: measured.spread,
      figures,
      claims: CLAIMS[exp] ?? [],
    } satisfies GoldenFile;
  });
}
