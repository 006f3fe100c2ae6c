import fc from 'fast-check';
import { GradproofError } from '../../src/errors/GradproofError';
import { FC_SEED } from '../support/fcSeed';

/** Bounded, seeded runs: the seed and path are printed on failure (replay with FC_SEED=…). */
export const FUZZ = { seed: FC_SEED, numRuns: 300 } as const;

/** Runs `f`; returns normally when it succeeds or throws a GradproofError, rethrows anything else with the input's size. */
export function onlyNamedErrors(f: () => unknown, what: string): void {
  try {
    f();
  } catch (e) {
    if (e instanceof GradproofError) return;
    throw new Error(`${what}: threw ${(e as Error)?.name ?? typeof e} (${(e as Error)?.message ?? String(e)}), not a GradproofError`, { cause: e });
  }
}

/** The async counterpart of onlyNamedErrors. */
export async function onlyNamedErrorsAsync(f: () => Promise<unknown>, what: string): Promise<void> {
  try {
    await f();
  } catch (e) {
    if (e instanceof GradproofError) return;
    throw new Error(`${what}: threw ${(e as Error)?.name ?? typeof e} (${(e as Error)?.message ?? String(e)}), not a GradproofError`, { cause: e });
  }
}

/** One edit of a byte string: flip, overwrite, insert, delete or truncate at a random place. */
export type Edit = { kind: 'flip' | 'set' | 'insert' | 'delete' | 'truncate'; at: number; byte: number };
export const edits = fc.array(
  fc.record({ kind: fc.constantFrom('flip', 'set', 'insert', 'delete', 'truncate'), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }) as fc.Arbitrary<Edit>,
  { minLength: 1, maxLength: 8 },
);

/** Applies edits to a copy of `bytes` (positions taken modulo the current length). */
export function applyEdits(bytes: Uint8Array, list: readonly Edit[]): Uint8Array {
  let b = Array.from(bytes);
  for (const e of list) {
    const at = b.length === 0 ? 0 : e.at % b.length;
    if (e.kind === 'flip' && b.length > 0) b[at] = b[at]! ^ (1 << (e.byte & 7));
    else if (e.kind === 'set' && b.length > 0) b[at] = e.byte;
    else if (e.kind === 'insert') b.splice(at, 0, e.byte);
    else if (e.kind === 'delete') b.splice(at, 1);
    else if (e.kind === 'truncate') b = b.slice(0, at);
  }
  return Uint8Array.from(b);
}
