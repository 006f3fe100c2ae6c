import type { SandboxCall, SandboxReply, SandboxSession } from '../../src/sandbox/SandboxSession';

/** What the sandbox's child sends back: numbers and nested arrays (typed arrays as arrays), anything else described. */
function toPlain(value: unknown): unknown {
  if (typeof value === 'number') return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(toPlain);
  return { $type: value === null ? 'null' : typeof value };
}

/**
 * A module's functions called in this process, as the sandbox would call them (arguments copied,
 * replies made plain, throws turned into `{ ok: false }`): for fast specs of the checks across
 * many seeds. Real grading always goes through the sandbox.
 */
export function inProcessSession(mod: Record<string, unknown>): Pick<SandboxSession, 'call'> {
  return {
    async call(calls: readonly SandboxCall[]): Promise<SandboxReply[]> {
      const replies: SandboxReply[] = [];
      for (const c of calls) {
        try {
          const f = mod[c.fn];
          if (typeof f !== 'function') throw new Error(`${c.fn} is not an exported function`);
          replies.push({ ok: true, value: toPlain(await f(...structuredClone(c.args))) });
        } catch (e) {
          replies.push({ ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
        }
      }
      return replies;
    },
  };
}
