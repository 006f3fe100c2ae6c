import { GradproofError } from '../errors/GradproofError.js';

/** How a sandboxed submission failed, as opposed to answering (rightly or wrongly). */
export type SandboxFailureKind = 'load' | 'timeout' | 'memory' | 'exit' | 'protocol' | 'spawn' | 'unavailable';

/**
 * A sandboxed submission could not answer: it did not load, ran out of time or memory, exited,
 * or broke the reply protocol. The message says which, in one line, for a student to read.
 */
export class SandboxError extends GradproofError {
  readonly kind: SandboxFailureKind;
  constructor(kind: SandboxFailureKind, message: string) {
    super('E_SANDBOX', message);
    this.kind = kind;
  }
}
