import type { AcceleratorHooks } from './AcceleratorHooks.js';

// The one place the core keeps what an accelerator installed; empty until one is.
let installed: AcceleratorHooks = {};

/**
 * Installs an accelerator's hooks for the operations that are not tfjs kernels (kernels are
 * registered with `tf.registerKernel` under the names in src/ops/). Replaces any earlier
 * hooks; `installAccelerator({})` removes them, leaving every operation to its reference.
 * The core never imports an accelerator: the backend setup (initBackend) calls this.
 */
export function installAccelerator(hooks: AcceleratorHooks): void {
  installed = { ...hooks };
}

/** The hooks installed now (see installAccelerator). */
export function acceleratorHooks(): AcceleratorHooks {
  return installed;
}
