// Side-effect entry for vitest `setupFiles`: registers every gradproof matcher on vitest's expect.
import { expect } from 'vitest';
import { registerMatchers } from './index.js';

registerMatchers(expect);
