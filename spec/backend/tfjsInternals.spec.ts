import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { initBackend } from '../../src/backend/initBackend';
import { packageVersion } from '../../src/backend/packageVersion';
import { TFJS_TESTED_VERSION, tfjsInternalsProblem } from '../../src/backend/tfjsInternals';

// The patched kernels and the native addon use tfjs internals (BackendWasm's heap layout and
// methods, the XNNPACK operator cache keyed by data id). When this fails after an upgrade,
// re-run spec/backend on the new version, then move TFJS_TESTED_VERSION.
describe('tfjs internals gradproof depends on', () => {
  it(`are those of the tested tfjs ${TFJS_TESTED_VERSION}, pinned exactly in package.json`, () => {
    for (const pkg of ['@tensorflow/tfjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-cpu']) {
      expect(packageVersion(pkg), pkg).toBe(TFJS_TESTED_VERSION);
    }
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies['@tensorflow/tfjs']).toBe(TFJS_TESTED_VERSION);
    expect(manifest.dependencies['@tensorflow/tfjs-backend-wasm']).toBe(TFJS_TESTED_VERSION);
  });

  it('are present on the live wasm backend', async () => {
    await initBackend('wasm');
    expect(tfjsInternalsProblem()).toBeUndefined();
  });
});
