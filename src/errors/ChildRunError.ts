import { GradproofError } from './GradproofError.js';

/**
 * Work gradproof ran in a child process (a `reproduce` worker's runs) failed. `ended` says how
 * (`exit 2`, `killed by SIGKILL`); `lines` holds the child's own words for what went wrong and
 * how to fix it: the error it reported, else its last meaningful stderr lines.
 */
export class ChildRunError extends GradproofError {
  readonly ended: string;
  readonly lines: readonly string[];
  constructor(command: string, ended: string, lines: readonly string[]) {
    super('E_CHILD', `${command} failed (${ended})${lines.length > 0 ? `: ${lines.join(' ')}` : ''}`);
    this.ended = ended;
    this.lines = lines;
  }
}
