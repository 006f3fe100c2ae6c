import { describe, expect, it } from 'vitest';
import { gradeCommand } from '../../src/cli/commands/gradeCommand';
import { UsageError } from '../../src/errors/UsageError';
import { gradeSubmission } from '../../src/grade/gradeSubmission';
import type { Rubric } from '../../src/grade/Rubric';
import { captureStream } from '../support/captureStream';
import { GOLDENS, submission } from './gradeFixtures';

const rubric: Rubric = {
  schemaVersion: 1,
  assignment: 'seed',
  tests: (['l2-values', 'dropout-properties'] as const).map((code) => ({ name: code, points: 1, check: { code } })),
};
const grade = (seed?: number) =>
  gradeSubmission({ rubric, goldens: GOLDENS, code: submission('subtlyWrong.mjs'), ...(seed !== undefined ? { seed } : {}) });

describe('the grading seed', () => {
  it('is reported, noted for staff (with how to replay it), and replays a run exactly', async () => {
    const [a, b] = [await grade(12345), await grade(12345)];
    expect(a.seed).toBe(12345);
    expect(a.notes).toContain('grading seed: 12345 (replay with --seed 12345)');
    expect(a.tests.map((t) => t.output)).toEqual(b.tests.map((t) => t.output));
    expect(a.tests.map((t) => t.output)).not.toEqual((await grade(54321)).tests.map((t) => t.output));
  });

  it('is drawn afresh for every run when not given', async () => {
    const [a, b] = [await grade(), await grade()];
    for (const s of [a.seed, b.seed]) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 31).toBe(true);
    expect(a.seed).not.toBe(b.seed);
    expect(a.tests[0]!.output).not.toEqual(b.tests[0]!.output);
  });

  it(
    'gradproof grade --seed N passes it through; anything but an integer in [0, 2^31) is a usage error naming it',
    { timeout: 30_000 },
    async () => {
      const out = captureStream();
      await gradeCommand(['--code', submission('good.mjs'), '--seed', '7'], out, captureStream());
      expect(out.text()).toMatch(/^note: grading seed: 7 \(replay with --seed 7\)$/m);
      for (const bad of ['-1', 'abc', '1.5', '2147483648', '', '0x10']) {
        await expect(gradeCommand(['--code', submission('good.mjs'), `--seed=${bad}`], captureStream(), captureStream())).rejects.toThrow(
          new UsageError(`gradproof grade: --seed must be an integer in [0, 2^31), got ${JSON.stringify(bad)}`),
        );
      }
    },
  );
});
