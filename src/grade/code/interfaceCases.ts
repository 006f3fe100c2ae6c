import { createRng } from '../../random/Rng.js';
import { SandboxError } from '../../sandbox/SandboxError.js';
import type { SandboxReply } from '../../sandbox/SandboxSession.js';
import type { CallSubmission } from './CallSubmission.js';
import type { CaseResult } from './CaseResult.js';
import { drawDropoutInput, drawDropoutRate, drawParams, drawRate } from './gradingDraws.js';
import { readNumber, readRows, readVector } from './readReply.js';
import type { RegularizerCall } from './RegularizerApi.js';

/**
 * `interface`: each of the five functions called once on a small seeded valid input; a case
 * passes when the reply is a well-formed value of the right kind (a finite number for l1 and l2,
 * rows shaped like the parameters for the gradients, a vector as long as x for dropout), whatever
 * its value (the other checks judge values). Judged by calls, never by what the submission says
 * it exports: a missing export fails with the sandbox's "… is not an exported function". Calls go
 * one at a time, so a function that hangs or kills the child fails its own case and the later
 * ones ("no answer: …"), not the earlier ones.
 */
export async function interfaceCases(call: CallSubmission, seed: number): Promise<CaseResult[]> {
  const rng = createRng(seed, 'grade/code/interface');
  const params = drawParams(rng, [2, 3]);
  const rate = drawRate(rng, 'typical');
  const d = drawDropoutInput(rng, 5, drawDropoutRate(rng, 'typical'));
  const calls: RegularizerCall[] = [
    { fn: 'l1', args: [params, rate] },
    { fn: 'l1Grad', args: [params, rate] },
    { fn: 'l2', args: [params, rate] },
    { fn: 'l2Grad', args: [params, rate] },
    { fn: 'dropout', args: [d.x, d.rate, d.uniforms] },
  ];
  const cases: CaseResult[] = [];
  let dead: string | undefined;
  for (const c of calls) {
    let reply: SandboxReply | undefined;
    if (dead === undefined) {
      try {
        reply = (await call([c]))[0];
      } catch (e) {
        if (!(e instanceof SandboxError)) throw e;
        dead = e.message;
      }
    }
    const read = (r: SandboxReply) =>
      c.fn === 'l1' || c.fn === 'l2'
        ? readNumber(r)
        : c.fn === 'dropout'
          ? readVector(r, d.x.length)
          : readRows(
              r,
              params.map((row) => row.length),
            );
    const label =
      c.fn === 'l1' || c.fn === 'l2'
        ? `${c.fn} answers with a number`
        : c.fn === 'dropout'
          ? 'dropout answers with a vector as long as x'
          : `${c.fn} answers with rows shaped like the parameters`;
    const got = reply ? read(reply) : { ok: false as const, why: `no answer: ${dead ?? 'no reply'}` };
    cases.push({ label, pass: got.ok, detail: got.ok ? '' : got.why });
  }
  return cases;
}
