import type { BackendChoice, BackendName } from './BackendInfo';

/** What initBackend last did in this process; read by currentBackendInfo. */
export const backendState: {
  requested?: BackendChoice;
  resolved?: BackendName;
  wasmThreads?: number;
} = {};
