import { UsageError } from '../errors/UsageError.js';
import { loadGoldenDir } from '../golden/loadGoldenDir.js';
import type { GoldenFile } from '../golden/GoldenFile.js';
import { defaultRubric } from '../grade/defaultRubric.js';
import { DEFAULT_RUBRIC, loadRubric, validateRubric } from '../grade/loadRubric.js';
import type { Rubric } from '../grade/Rubric.js';
import { projectFlag } from './projectFlag.js';

/**
 * The golden files and rubric a grading command judges by: --golden DIR, else the project's golden
 * folder (gradproof's own without a config file); --rubric FILE, else the example rubric for
 * gradproof's report, or for a project every golden figure and claim (defaultRubric).
 */
export async function gradingInputs(
  command: string,
  values: { readonly config?: string; readonly golden?: string; readonly rubric?: string },
): Promise<{ goldens: GoldenFile[]; rubric: Rubric }> {
  const project = await projectFlag(values.config);
  const goldens = await loadGoldenDir(values.golden ?? project.goldenDir);
  if (values.rubric !== undefined) return { goldens, rubric: await loadRubric(values.rubric, goldens) };
  if (project.configPath === null) return { goldens, rubric: await loadRubric(DEFAULT_RUBRIC, goldens) };
  if (goldens.length === 0) {
    throw new UsageError(`gradproof ${command}: no golden files in ${values.golden ?? project.goldenDir} to grade against; make one with \`gradproof golden init\`, or give --rubric FILE and --golden DIR`);
  }
  return { goldens, rubric: validateRubric(defaultRubric(goldens, `project ${project.configPath}`), goldens, '(default rubric)') };
}
