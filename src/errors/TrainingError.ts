import { GradproofError } from './GradproofError.js';

/** Training could not go on (NaN/Inf in loss or gradients). Names experiment, epoch and batch. */
export class TrainingError extends GradproofError {
  readonly experiment: string;
  readonly epoch: number;
  readonly batch: number;
  constructor(experiment: string, epoch: number, batch: number, message: string) {
    super('E_TRAINING', message);
    this.experiment = experiment;
    this.epoch = epoch;
    this.batch = batch;
  }
}
