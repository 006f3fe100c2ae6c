import { datasetLabel } from '../../data/datasetLabel.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { CONFIG_OPTION, projectFlag } from '../projectFlag.js';

/** `gradproof list [--json] [--config FILE]`: the project's experiment ids, one per line with section, data set and description. */
export async function listCommand(args: readonly string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseCommandArgs('list', args, { json: { type: 'boolean' }, ...CONFIG_OPTION });
  const { experiments } = await projectFlag(values.config);
  if (values.json) {
    // Functions (a user's loader or model factory) appear by name.
    out.write(JSON.stringify(experiments, (_k, v: unknown) => (typeof v === 'function' ? undefined : v), 2) + '\n');
    return 0;
  }
  const width = Math.max(...experiments.map((e) => e.id.length));
  const sections = Math.max(...experiments.map((e) => e.section.length));
  for (const e of experiments) {
    const data = datasetLabel(e.dataset);
    out.write(`${e.id.padEnd(width)}  ${e.section.padEnd(sections)}  ${e.description}${typeof e.dataset === 'string' ? '' : ` (${data})`}\n`);
  }
  return 0;
}
