import { UsageError } from '../../errors/UsageError.js';
import { getExperiment } from '../../experiments/getExperiment.js';
import { formatGradcheckFailure } from '../../gradcheck/formatGradcheckFailure.js';
import { gradcheckExperiment } from '../../gradcheck/gradcheckExperiment.js';
import type { GradcheckMode } from '../../gradcheck/GradcheckSettings.js';
import { backendFlag } from '../backendFlag.js';
import { intFlag, parseCommandArgs } from '../parseCommandArgs.js';
import { COMMAND_HELP } from '../commandHelp.js';
import { experimentDataDir } from '../experimentDataDir.js';
import { CONFIG_OPTION, projectFlag } from '../projectFlag.js';

const MODES: readonly GradcheckMode[] = ['directional', 'elements'];

/**
 * `gradproof gradcheck`: checks the analytic gradient of an experiment's full training loss
 * against finite differences on a small real batch. Exit 0 when the check passes, 1 when it
 * does not; usage and data errors are thrown (the CLI turns them into exit 2).
 */
export async function gradcheckCommand(args: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WriteStream): Promise<number> {
  const { values, positionals } = parseCommandArgs('gradcheck', args, {
    seed: { type: 'string' },
    data: { type: 'string' },
    backend: { type: 'string' },
    mode: { type: 'string' },
    batch: { type: 'string' },
    json: { type: 'boolean' },
    fetch: { type: 'boolean' },
    ...CONFIG_OPTION,
  });
  if (positionals.length !== 1) {
    throw new UsageError(
      `gradproof gradcheck: expected one experiment id, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}; usage: ${COMMAND_HELP.gradcheck.usage}`,
    );
  }
  const project = await projectFlag(values.config);
  const experiment = getExperiment(positionals[0]!, project.experiments);
  const seed = intFlag('gradcheck', 'seed', values.seed, 0) ?? 0;
  const batchSize = intFlag('gradcheck', 'batch', values.batch, 1);
  const mode = values.mode ?? 'directional';
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new UsageError(`gradproof gradcheck: --mode must be one of ${MODES.join('|')}, got ${JSON.stringify(mode)}`);
  }
  const backend = backendFlag('gradcheck', values.backend);
  const dataDir = await experimentDataDir('gradcheck', experiment, project, values, err);
  err.write(`gradproof gradcheck ${experiment.id}: seed ${seed}, mode ${mode}, data ${dataDir}\n`);
  const report = await gradcheckExperiment(experiment, {
    seed,
    dataDir,
    backend,
    mode: mode as GradcheckMode,
    ...(batchSize !== undefined ? { batchSize } : {}),
  });
  if (values.json) {
    out.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    for (const t of report.tensors) {
      const w = t.worst;
      const worst = w
        ? `worst rel error ${w.relError.toExponential(2)} (abs ${w.absError.toExponential(2)} of allowed ${w.allowed.toExponential(2)})`
        : 'nothing checked';
      out.write(`${t.failures > 0 ? 'FAIL' : 'ok  '} ${t.name.padEnd(16)} checked ${t.checked}, kinks ${t.kinks}; ${worst}\n`);
    }
    out.write(
      report.ok
        ? `gradcheck ${experiment.id}: ok (${report.checked} comparisons, ${report.kinks} kinks, backend ${report.backend})\n`
        : `gradcheck ${experiment.id}: FAILED: ${formatGradcheckFailure(report)}\n`,
    );
  }
  return report.ok ? 0 : 1;
}
