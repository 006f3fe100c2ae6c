import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

/**
 * The installed version of `pkg`, read from its package.json, or undefined when the package
 * is not installed (or hides its package.json behind an `exports` map).
 */
export function packageVersion(pkg: string): string | undefined {
  try {
    const file = require.resolve(`${pkg}/package.json`);
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const version = (parsed as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}
