import path from 'node:path';
import { UsageError } from '../../errors/UsageError.js';
import { DEFAULT_FAMILIES } from '../../explain/ExplainFamilies.js';
import { explainReport } from '../../explain/explainReport.js';
import { parseFamilies } from '../../explain/parseFamilies.js';
import { selectReportedFigures } from '../../explain/selectReportedFigures.js';
import { loadGoldenDir } from '../../golden/loadGoldenDir.js';
import { parseShard } from '../../grade/batch/parseShard.js';
import { dataDirFor } from '../../reproduce/dataDirFor.js';
import { explainChart } from '../../plots/explainChart.js';
import { writeFileAtomic } from '../../record/writeFileAtomic.js';
import { explainSectionMarkdown } from '../../report/explainSectionMarkdown.js';
import { backendFlag } from '../backendFlag.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { explainText } from '../explainText.js';
import { intFlag, parseCommandArgs } from '../parseCommandArgs.js';
import { CONFIG_OPTION, projectFlag } from '../projectFlag.js';

/**
 * `gradproof explain`: searches the protocol variants that could have produced the report's
 * figures (see explainReport), prints the ranking and the best with its evidence, writes
 * explain.json. Exit 0 when it scored (whatever the verdict), 2 on a usage error.
 */
export async function explainCommand(args: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseCommandArgs('explain', args, {
    only: { type: 'string' },
    seeds: { type: 'string' },
    families: { type: 'string' },
    epochs: { type: 'string' },
    limit: { type: 'string' },
    data: { type: 'string' },
    backend: { type: 'string' },
    golden: { type: 'string' },
    out: { type: 'string' },
    shard: { type: 'string' },
    top: { type: 'string' },
    json: { type: 'boolean' },
    ...CONFIG_OPTION,
  });
  if (positionals.length > 0) throw new UsageError(`gradproof explain: unexpected argument ${JSON.stringify(positionals[0])}; usage: ${COMMAND_HELP.explain.usage}`);
  const project = await projectFlag(values.config);
  const seeds = intFlag('explain', 'seeds', values.seeds, 2) ?? 3;
  const epochs = intFlag('explain', 'epochs', values.epochs, 1);
  const limit = intFlag('explain', 'limit', values.limit, 1);
  const top = intFlag('explain', 'top', values.top, 1) ?? 10;
  const goldens = await loadGoldenDir(values.golden ?? project.goldenDir);
  const { figures, experiments, families } = selectReportedFigures(goldens, project.experiments, values.only);
  const outDir = path.resolve(values.out ?? 'results/explain');
  const result = await explainReport({
    figures,
    experiments,
    seeds: Array.from({ length: seeds }, (_, i) => i),
    // --families, else what the golden files say, else the default.
    families: values.families !== undefined ? parseFamilies(values.families) : families ? parseFamilies(families.join(',')) : DEFAULT_FAMILIES,
    outDir,
    dataDirFor: (exp) => dataDirFor(values.data !== undefined ? { dataDir: values.data } : {}, exp.dataset),
    ...(epochs !== undefined ? { epochs } : {}),
    ...(limit !== undefined ? { limit } : {}),
    backend: backendFlag('explain', values.backend),
    ...(values.shard !== undefined ? { shard: parseShard(values.shard, 'gradproof explain') } : {}),
    log: (line) => err.write(`${line}\n`),
  });
  if (!result) return 0;
  out.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : explainText(result, top));
  const md = path.join(outDir, 'explain.md');
  const svg = path.join(outDir, 'explain.svg');
  await writeFileAtomic(md, explainSectionMarkdown(result), 'explain');
  await writeFileAtomic(svg, explainChart(result), 'explain');
  err.write(`wrote ${path.join(outDir, 'explain.json')}, ${md}, ${svg}\n`);
  return 0;
}
