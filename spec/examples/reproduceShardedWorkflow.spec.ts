import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_HELP } from '../../src/cli/commandHelp';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FILE = path.join(ROOT, 'examples/github-actions/reproduce-sharded.yml');
// js-yaml is installed with the dev tools (json-schema-to-typescript's dependency) and ships no types.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { needs?: string; strategy?: { matrix: { shard: number[] } }; steps: Step[] }>;
}

/** The README's YAML block in its "Sharding across CI machines" section. */
async function readmeWorkflow(): Promise<string> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Sharding across CI machines'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section.slice(0, section.indexOf('\n## ', 1)));
  if (!block) throw new Error('README.md: no ```yaml block in "Sharding across CI machines"');
  return block[1]!;
}

/** The `--flag`s of one gradproof command line. */
const flags = (line: string) => [...line.matchAll(/(?<=\s)--[a-z-]+/g)].map((m) => m[0]);

describe('the sharded GitHub Actions example', () => {
  it('is the same text in README.md and examples/github-actions/reproduce-sharded.yml', async () => {
    expect(await readmeWorkflow()).toBe(await readFile(FILE, 'utf8'));
  });

  it('runs one shard per matrix entry into its own artifact, and checks them all together', async () => {
    const wf = yaml.load(await readFile(FILE, 'utf8')) as Workflow;
    const shards = wf.jobs.reproduce!.strategy!.matrix.shard;
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));
    const steps = wf.jobs.reproduce!.steps;
    const reproduce = steps.find((s) => s.run?.includes('gradproof reproduce'))!.run!;
    expect(reproduce).toContain(`--shard \${{ matrix.shard }}/${shards.length}`);
    expect(reproduce).toContain('--out shard-${{ matrix.shard }}');
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!.with).toEqual({
      name: 'shard-${{ matrix.shard }}',
      path: 'shard-${{ matrix.shard }}/',
    });
    const check = wf.jobs.check!;
    expect(check.needs).toBe('reproduce');
    expect(check.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!.with).toEqual({ pattern: 'shard-*', 'merge-multiple': false });
    const merge = check.steps.find((s) => s.run?.includes('gradproof check'))!.run!;
    expect(merge).toBe('npx gradproof check --results shard-*');
    // Every flag it passes is one the command has.
    for (const f of flags(reproduce)) expect(COMMAND_HELP.reproduce.usage).toContain(`[${f}`);
    for (const f of flags(merge)) expect(COMMAND_HELP.check.usage).toContain(f);
    const actions = Object.values(wf.jobs).flatMap((j) => j.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    expect(new Set(actions)).toEqual(
      new Set(['actions/checkout@v4', 'actions/setup-node@v4', 'actions/upload-artifact@v4', 'actions/download-artifact@v4']),
    );
  });
});
