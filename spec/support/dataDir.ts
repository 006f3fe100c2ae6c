import path from 'node:path';

/** The shared data folder: GRADPROOF_DATA (CI sets it), else ../shared/data beside the repo. */
export const DATA_DIR = process.env.GRADPROOF_DATA ?? path.resolve(import.meta.dirname, '../../../shared/data');
