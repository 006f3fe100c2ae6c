import { GradproofError } from './GradproofError.js';

/** A data file or folder is missing, unreadable, corrupt or of an unexpected shape. `path` names it. */
export class DataError extends GradproofError {
  readonly path: string;
  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super('E_DATA', message, options);
    this.path = path;
  }
}
