import type { SandboxReply } from '../../sandbox/SandboxSession';
import type { RegularizerCall } from './RegularizerApi';

/** Runs calls of the interface in the submission's sandbox, in order, one reply per call. */
export type CallSubmission = (calls: readonly RegularizerCall[]) => Promise<SandboxReply[]>;
