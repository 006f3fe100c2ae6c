import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonText } from '../record/parseJsonText.js';
import type { ExperimentConfig } from './ExperimentConfig.js';
import type { ProjectConfig } from './ProjectConfig.js';
import { resolveExperiments } from './resolveExperiments.js';

/** gradproof's own project file: the report's experiments, declared as any project declares its own. */
export const REPORT_PROJECT_FILE = path.resolve(import.meta.dirname, '../../experiments/report.gradproof.json');

/** The report's 13 experiments, in report order, from REPORT_PROJECT_FILE. */
export const EXPERIMENTS: readonly ExperimentConfig[] = Object.freeze(
  resolveExperiments(
    parseJsonText(readFileSync(REPORT_PROJECT_FILE, 'utf8'), 'gradproof report experiments', REPORT_PROJECT_FILE) as ProjectConfig,
    path.dirname(REPORT_PROJECT_FILE),
    REPORT_PROJECT_FILE,
  ).map((e) => Object.freeze(e)),
);
