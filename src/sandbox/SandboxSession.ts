/** One call of an exported function of the submission, with plain-data arguments. */
export interface SandboxCall {
  readonly fn: string;
  readonly args: readonly unknown[];
}

/**
 * What the submission answered. `value` is plain data as the child sent it (numbers, NaN and
 * ±Infinity included, and nested arrays; anything else arrives as `{ $type: '…' }`) and must be
 * validated by the caller: the child is the submission's process and may send anything the
 * protocol's shape allows.
 */
export type SandboxReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/** A live sandboxed submission. */
export interface SandboxSession {
  /** The isolation layers in force for this child, e.g. `bubblewrap: PID, network, … namespaces`, `memory cgroup v1 (448 MB)`. */
  readonly layers: readonly string[];
  /**
   * Runs `calls` in order in the child. Rejects with a SandboxError when the child hangs past the
   * session's deadline, exceeds its memory, exits, or breaks the protocol (a malformed, oversized,
   * early or unasked-for message); the child is then dead.
   */
  call(calls: readonly SandboxCall[]): Promise<SandboxReply[]>;
  /** Kills the whole sandbox (idempotent). */
  close(): void;
}
