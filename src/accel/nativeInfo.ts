import type { BackendInfo } from '../backend/BackendInfo.js';
import { accelState } from './accelState.js';

/** The native addon's library, as BackendInfo.native records it, while the addon is in use; else undefined. */
export function nativeInfo(): BackendInfo['native'] {
  const native = accelState.native;
  return native ? { ...native.info(), threads: accelState.blasThreads } : undefined;
}
