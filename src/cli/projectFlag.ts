import { loadProject } from '../experiments/loadProject.js';
import type { Project } from '../experiments/Project.js';

/** The `--config FILE` option every command that names experiments takes. */
export const CONFIG_OPTION = { config: { type: 'string' } } as const;

/** The project a command works on: --config FILE, else a gradproof.config.* in the working folder, else the report's experiments. */
export function projectFlag(config: string | undefined): Promise<Project> {
  return loadProject(config !== undefined ? { config } : {});
}
