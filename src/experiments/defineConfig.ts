import type { ProjectConfig } from './ProjectConfig.js';

/** Types a gradproof.config.ts: `export default defineConfig({ experiments: [ … ] })`. Returns `config` as it is. */
export function defineConfig(config: ProjectConfig): ProjectConfig {
  return config;
}
