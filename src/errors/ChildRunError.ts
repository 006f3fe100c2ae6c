import { GradproofError } from './GradproofError.js';

/**
 * A gradproof command run in a child process (as `reproduce` runs each experiment) failed.
 * `ended` says how (`exit 2`, `killed by SIGKILL`); `lines` holds the child's last meaningful
 * stderr lines, its own words for what went wrong and how to fix it.
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
