/**
 * Base of every error gradproof throws on purpose. `code` is stable across versions so
 * callers (and the CLI) can branch on it; `message` starts with the API or command name
 * and echoes the offending value.
 */
export class GradproofError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
