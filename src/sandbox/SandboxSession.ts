/** One call of an exported function of the submission, with plain-data arguments. */
export interface SandboxCall {
  readonly fn: string;
  readonly args: readonly unknown[];
}

/**
 * What the submission answered. `value` is plain data as the child sent it (numbers and nested
 * arrays; anything else arrives as `{ $type: '…' }`) and must be validated by the caller.
 */
export type SandboxReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/** A live sandboxed submission. */
export interface SandboxSession {
  /** Exported names with their `typeof` (as the child saw them at load). */
  readonly exports: ReadonlyMap<string, string>;
  /** How the child was isolated here, e.g. `permission model, heap 256 MB, rlimit AS, netns`. */
  readonly isolation: string;
  /**
   * Runs `calls` in order in the child. Rejects with a SandboxError when the child hangs past the
   * session's deadline, exceeds its memory, exits, or breaks the protocol; the child is then dead.
   */
  call(calls: readonly SandboxCall[]): Promise<SandboxReply[]>;
  /** Kills the child's process group (idempotent). */
  close(): void;
}
