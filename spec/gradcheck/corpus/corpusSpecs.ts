import fc from 'fast-check';
import { expect, it } from 'vitest';
import { FC_SEED } from '../../support/fcSeed';
import { corpusCase } from './corpusCase';
import { countOutcomes, describeOutcome, runCorpusCase, TARGET, type CaseOutcome } from './runCorpusCase';

/** Cases per backend: modest by default; `GRADCHECK_CORPUS=1000` for the note's big run. */
export const CORPUS_SIZE = Number(process.env.GRADCHECK_CORPUS ?? 40);

/**
 * The mutation corpus on the active backend: CORPUS_SIZE cases drawn by fast-check from FC_SEED
 * (small models twice as often as medium ones), each checked twice at DEFAULT settings — the
 * correct hand-written gradient must pass, the mutated one must fail whenever its error in some
 * tensor is ≥ TARGET of that tensor's true gradient norm. Prints one line per case and the counts.
 */
export function corpusSpecs(backend: string): void {
  it(`${backend}: fails every planted bug ≥ ${TARGET * 100}% in some tensor, passes every correct gradient (${CORPUS_SIZE} cases, seed ${FC_SEED})`, () => {
    const cases = fc.sample(fc.oneof(corpusCase('small'), corpusCase('small'), corpusCase('medium')), { seed: FC_SEED, numRuns: CORPUS_SIZE });
    const outcomes: CaseOutcome[] = [];
    const lines: string[] = [];
    cases.forEach((c, i) => {
      const o = runCorpusCase(c, i);
      outcomes.push(o);
      const wrong = !o.correct.ok || (o.rho >= TARGET && o.buggy.ok);
      lines.push(`${wrong ? '!!' : '  '} ${describeOutcome(o)}`);
    });
    const counts = countOutcomes(outcomes);
    const byKind = new Map<string, [number, number]>();
    for (const o of outcomes.filter((x) => x.rho >= TARGET)) {
      const k = byKind.get(o.corpusCase.bug.kind) ?? [0, 0];
      byKind.set(o.corpusCase.bug.kind, [k[0] + (o.buggy.ok ? 0 : 1), k[1] + 1]);
    }
    console.log(
      `mutation corpus on ${backend}, FC_SEED=${FC_SEED} GRADCHECK_CORPUS=${CORPUS_SIZE} (replay one case: its #index in this sample)\n${lines.join('\n')}\n` +
        `false passes ${counts.falsePass} of ${counts.required} planted bugs ≥ ${TARGET} (${counts.falsePassUnresolved} in an unresolved tensor); ` +
        `false failures ${counts.falseFail} of ${counts.cases} correct gradients; below ${TARGET}: ${counts.subThresholdCaught} of ${counts.subThreshold} caught anyway; ` +
        `correct checks resolved to ${TARGET} in every tensor: ${counts.resolved} of ${counts.cases}\n` +
        `caught by kind: ${[...byKind].map(([k, [c, n]]) => `${k} ${c}/${n}`).join(', ')}`,
    );
    // The corpus ops' own gradients agree with autodiff of the plain forward (else ρ means nothing).
    for (const o of outcomes) expect(o.correctRho, describeOutcome(o)).toBeLessThan(1e-3);
    expect(counts.required).toBeGreaterThanOrEqual(0.8 * counts.cases);
    expect(counts.falseFail, 'correct gradients that failed').toBe(0);
    expect(counts.falsePass, 'planted bugs that passed').toBe(0);
  });
}
