/* Generated from schema/golden.schema.json by `npm run gen:types`. Do not edit. */

export type ExperimentId = string;
export type Metric = 'trainLoss' | 'trainAcc' | 'testAcc' | 'gradNorm';
/**
 * A number read off a run record at an epoch; firstLayerGradNormFirstBatch is layerGradNorms.firstBatch[0].
 */
export type Quantity =
  'trainLoss' | 'trainAcc' | 'valAcc' | 'testAcc' | 'testLoss' | 'gradNorm' | 'firstLayerGradNormFirstBatch';

/**
 * The report's figures and claims for one experiment (Q1 is one experiment with its claims; Q2 has one file per run), each with its band or test and the reason for it. Written only by `gradproof golden update --write` or `gradproof golden init`.
 */
export interface GoldenFile {
  schemaVersion: 1;
  /**
   * A run id (gurmukhi/dropout) or a section-wide experiment (cifar).
   */
  experiment: string;
  /**
   * The report section the file reproduces (Q1, Q2, or any name a project gives).
   */
  section: string;
  provenance: {
    document: string;
    heading: string;
    quote: string;
  };
  /**
   * Where the run-to-run spread behind the figure bands was measured.
   */
  spread?: {
    seeds: number[];
    backend: string;
    gradproof: string;
    /**
     * Band half-width in run-to-run standard deviations.
     */
    k: number;
    note: string;
  };
  figures: {
    id: string;
    experiment: ExperimentId;
    epoch: number;
    metric: Metric;
    /**
     * The report's figure; accuracies as fractions.
     */
    reported: number;
    quote: string;
    /**
     * Where the figure was read in a training log (`gradproof golden init`): the file as given, its 1-based line (the quote is that line's text as a terminal shows it: a progress bar's last update, colours dropped), and the log's own name for the number.
     */
    source?: {
      file: string;
      line: number;
      /**
       * The log's name for the number: val_accuracy, Test Acc.
       */
      field?: string;
    };
    band: {
      lo: number;
      hi: number;
      reason: string;
    };
    gating: boolean;
  }[];
  /**
   * Which protocol variants `gradproof explain` tries for this file's runs when --families is not given: warm (chains, new optimiser), carried (chains, carried optimiser), metrics (metric definitions), dropout=p:q (other dropout values), fresh (the protocol only).
   */
  explain?: {
    families: string[];
  };
  claims: {
    id: string;
    quote: string;
    gating: boolean;
    /**
     * Why this test stands for the claim.
     */
    reason: string;
    test:
      | {
          kind: 'ordering';
          quantity: Quantity;
          epoch: number;
          better: 'higher' | 'lower';
          order: ExperimentId[];
          alpha: number;
        }
      | {
          kind: 'range';
          experiment: ExperimentId;
          quantity: Quantity;
          epoch: number;
          lo: number;
          hi: number;
          scale: 'linear' | 'log';
        }
      | {
          kind: 'restores';
          broken: ExperimentId;
          fixed: ExperimentId;
          quantity: Quantity;
          epoch: number;
          minFixed: number;
          minRatio: number;
        };
  }[];
}
