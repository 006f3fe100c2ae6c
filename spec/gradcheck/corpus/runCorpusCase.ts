import * as tf from '@tensorflow/tfjs';
import { checkGradients } from '../../../src/gradcheck/checkGradients';
import type { GradcheckReport } from '../../../src/gradcheck/GradcheckReport';
import { buildCorpusModel } from './buildCorpusModel';
import type { CorpusCase } from './corpusCase';

/** The relative error the checker is stated to fail: ‖a_t − g_t‖ ≥ TARGET·‖g_t‖ in some tensor. */
export const TARGET = 0.05;

/** What one corpus case came to. */
export interface CaseOutcome {
  readonly index: number;
  readonly corpusCase: CorpusCase;
  /** max over tensors of ‖a_t − g_t‖/‖g_t‖ for the buggy gradient (g: plain-ops autodiff), and that tensor. */
  readonly rho: number;
  readonly tensor: string;
  /** The same for the correct hand-written gradient: float32 disagreement of two correct implementations. */
  readonly correctRho: number;
  readonly correct: GradcheckReport;
  readonly buggy: GradcheckReport;
  /** The buggy report's resolution for `tensor`. */
  readonly resolution: number;
  readonly ms: number;
}

/** Per tensor ‖a_t − g_t‖/‖g_t‖ (Infinity when g_t = 0 and a_t ≠ 0). */
function relErrors(a: readonly tf.Tensor[], g: readonly tf.Tensor[]): number[] {
  return tf.tidy(() =>
    a.map((at, i) => {
      const num = tf.norm(at.sub(g[i]!)).dataSync()[0]!;
      const den = tf.norm(g[i]!).dataSync()[0]!;
      return den > 0 ? num / den : num > 0 ? Infinity : 0;
    }),
  );
}

/** Builds the case's model, measures the planted bug against the reference, and checks both gradients at default settings. */
export function runCorpusCase(corpusCase: CorpusCase, index: number): CaseOutcome {
  const model = buildCorpusModel(corpusCase);
  try {
    const start = performance.now();
    const autodiff = (t: ReturnType<typeof model.target>) => tf.grads((...p: tf.Tensor[]) => t.f(p))([...t.params]);
    const reference = model.reference();
    const good = autodiff(model.target(null));
    const bad = autodiff(model.target(corpusCase.bug));
    const rhos = relErrors(bad, reference);
    const correctRho = Math.max(...relErrors(good, reference));
    tf.dispose([...reference, ...good, ...bad]);
    const worst = rhos.indexOf(Math.max(...rhos));
    const correct = checkGradients(model.target(null));
    const buggy = checkGradients(model.target(corpusCase.bug));
    const resolution = buggy.tensors[worst]?.estimate?.resolution ?? Infinity;
    return { index, corpusCase, rho: rhos[worst]!, tensor: model.names[worst]!, correctRho, correct, buggy, resolution, ms: performance.now() - start };
  } finally {
    model.dispose();
  }
}

/** Counts over a corpus run. */
export interface CorpusCounts {
  readonly cases: number;
  /** Bugs with ρ ≥ TARGET in some tensor: every one must fail. */
  readonly required: number;
  readonly falsePass: number;
  /** …of which the tensor's resolution was above TARGET (the check said it could not see that far). */
  readonly falsePassUnresolved: number;
  /** Correct gradients that failed: must be 0. */
  readonly falseFail: number;
  /** Bugs below TARGET (nothing required) and how many of them failed anyway. */
  readonly subThreshold: number;
  readonly subThresholdCaught: number;
  /** Correct checks whose every tensor resolved to TARGET. */
  readonly resolved: number;
}

export function countOutcomes(outcomes: readonly CaseOutcome[]): CorpusCounts {
  const required = outcomes.filter((o) => o.rho >= TARGET);
  const missed = required.filter((o) => o.buggy.ok);
  const sub = outcomes.filter((o) => o.rho < TARGET);
  return {
    cases: outcomes.length,
    required: required.length,
    falsePass: missed.length,
    falsePassUnresolved: missed.filter((o) => !(o.resolution <= TARGET)).length,
    falseFail: outcomes.filter((o) => !o.correct.ok).length,
    subThreshold: sub.length,
    subThresholdCaught: sub.filter((o) => !o.buggy.ok).length,
    resolved: outcomes.filter((o) => o.correct.unresolved.length === 0).length,
  };
}

/** One line per case, for the log. */
export function describeOutcome(o: CaseOutcome): string {
  const m = o.corpusCase.model;
  const b = o.corpusCase.bug;
  const arch = `${m.size} ${[m.inputs, ...m.hidden, m.outputs].join('-')} ${m.activations.join('/')}${m.norm ? ' +LN' : ''} ${m.loss} l1 ${m.l1} l2 ${m.l2} drop ${m.dropout} batch ${m.batch}`;
  const bug = `${b.kind}@${b.site}${b.kind === 'factor' ? `×${b.factor}` : b.kind === 'one-tensor' ? ` ${b.size.toFixed(3)}` : b.kind === 'sign-flip' ? ` ${b.count}` : ''}`;
  const verdict = (r: GradcheckReport) => (r.ok ? 'pass' : 'FAIL');
  return `#${o.index} ${arch} | ${bug} ρ=${o.rho.toFixed(3)} in ${o.tensor} (res ${o.resolution.toFixed(3)}) | correct ${verdict(o.correct)}${o.correct.unresolved.length ? ` unresolved ${o.correct.unresolved.join(',')}` : ''} buggy ${verdict(o.buggy)} | ${o.ms.toFixed(0)} ms`;
}
