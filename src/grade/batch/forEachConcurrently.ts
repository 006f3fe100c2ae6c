/**
 * Calls `fn` on every item, at most `jobs` calls in flight, starting them in the items' order;
 * resolves when all have finished. When a call rejects, no further item is started and, once the
 * calls in flight have settled, the first rejection is thrown.
 */
export async function forEachConcurrently<T>(items: readonly T[], jobs: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { reason: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < items.length && !failure) {
      try {
        await fn(items[next++]!);
      } catch (e) {
        failure ??= { reason: e };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  if (failure) throw failure.reason;
}
