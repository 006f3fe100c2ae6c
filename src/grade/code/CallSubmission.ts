import type { SandboxReply } from '../../sandbox/SandboxSession.js';
import type { RegularizerCall } from './RegularizerApi.js';

/** Runs calls of the interface in the submission's sandbox, in order, one reply per call. */
export type CallSubmission = (calls: readonly RegularizerCall[]) => Promise<SandboxReply[]>;
