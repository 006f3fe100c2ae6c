import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/UsageError';
import { renderCardMarkdown } from '../../src/report/renderCardMarkdown';
import { CARD } from './cardFixture';

describe('renderCardMarkdown', () => {
  const md = renderCardMarkdown(CARD);
  const lines = md.split('\n');

  it('puts the verdict counts first', () => {
    const counts = lines.findIndex((l) => l.includes('2 reproduced · 1 not reproduced · 1 inconclusive'));
    expect(counts).toBeGreaterThan(-1);
    expect(counts).toBeLessThan(lines.findIndex((l) => l.startsWith('|')));
    expect(md).toContain('1 gating entry not reproduced');
  });

  it('groups entries by section, Q1 before Q2, each in its own table', () => {
    const q1 = lines.indexOf('## Q1 — CIFAR-10: activations and vanishing gradients');
    const q2 = lines.indexOf('## Q2 — Gurmukhi digits: regularisation');
    expect(q1).toBeGreaterThan(-1);
    expect(q2).toBeGreaterThan(q1);
    for (const e of CARD) {
      const at = lines.findIndex((l) => l.includes(`\`${e.id}\``));
      expect(at, e.id).toBeGreaterThan(e.section === 'Q1' ? q1 : q2);
      if (e.section === 'Q1') expect(at, e.id).toBeLessThan(q2);
    }
    expect(lines.filter((l) => l === '|---|---|---|---|---|---|')).toHaveLength(2);
  });

  it('shows accuracies as percentages, mean ± sd, and keeps every row at 6 cells', () => {
    expect(md).toContain('| 96.07% | 95.50% ± 0.71% (n = 2) | [93.00%, 99.00%] | ✅ reproduced |');
    expect(md).toContain('ReLU performs the best \\| tanh > sigmoid');
    for (const l of lines.filter((x) => x.startsWith('| `'))) expect(l.split(/(?<!\\)\|/).length - 2).toBe(6);
  });

  it('leaves out a section with no entries, and rejects a non-array', () => {
    expect(renderCardMarkdown(CARD.filter((e) => e.section === 'Q2'))).not.toContain('## Q1');
    expect(() => renderCardMarkdown({} as never)).toThrow(UsageError);
  });
});

describe('renderCardMarkdown on missing runs', () => {
  it('marks entries whose runs are missing and does not count them as gate failures', () => {
    const md = renderCardMarkdown(CARD);
    expect(md).toContain('`cifar/sigmoid-vg/claim/gradients-below-1e-14` (gating) (runs missing)');
    expect(md).toContain('(1 without the runs they need)');
    const failing = CARD.map((e) => (e.missing ? { ...e, verdict: 'not-reproduced' as const } : e));
    expect(renderCardMarkdown(failing)).toContain('1 gating entry not reproduced');
  });
});
