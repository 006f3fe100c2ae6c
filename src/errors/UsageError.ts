import { GradproofError } from './GradproofError.js';

/** A caller passed a bad argument: wrong type, out of range, unknown name. */
export class UsageError extends GradproofError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('E_USAGE', message, options);
  }
}
