/** What a sandboxed submission may use. */
export interface SandboxLimits {
  /** Wall-clock budget of one sandbox session (start, load and every call), in ms. */
  readonly timeoutMs: number;
  /**
   * Memory cap in MB: the V8 heap limit (`--max-old-space-size`). The process's address space is
   * capped at this + {@link ADDRESS_SPACE_HEADROOM_MB} (rlimit), the sandbox's memory cgroup (where
   * one can be made) and the watch of its resident set at this + {@link RSS_HEADROOM_MB}, so
   * off-heap buffers are bounded too.
   */
  readonly memoryMb: number;
}

/** How strongly to isolate: the strict sandbox (bubblewrap) or, only when staff ask for it, the weak one. */
export interface SandboxPolicy {
  /**
   * Run without namespaces: Node's permission model, a heap limit, an address-space rlimit and a
   * network namespace where `unshare` works. For machines where bubblewrap cannot run; the
   * results record it.
   */
  readonly weak?: boolean;
}

/** 10 s and 256 MB: the interface's checks need a few ms and a few MB. */
export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = { timeoutMs: 10_000, memoryMb: 256 };

/** Node reserves ~0.7 GB of address space before running any code (measured: Node 20.20, x64). */
export const ADDRESS_SPACE_HEADROOM_MB = 1280;

/** A fresh sandboxed Node holds ~45 MB resident before the submission loads. */
export const RSS_HEADROOM_MB = 192;

/** Most tasks (processes and threads) one sandbox may hold: Node itself runs about a dozen threads. */
export const SANDBOX_MAX_TASKS = 64;
