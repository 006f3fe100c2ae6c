import type { BackendChoice, BackendName } from './BackendInfo.js';

/** What initBackend last did in this process; read by currentBackendInfo. */
export const backendState: {
  requested?: BackendChoice;
  resolved?: BackendName;
  /** The options initBackend last applied, as a comparable key. */
  optionsKey?: string;
  /** Why the native addon is not in use, when it was asked for and is not. */
  nativeUnavailable?: string;
} = {};
