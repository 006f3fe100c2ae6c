/** fast-check's seed for property specs: fixed (CI replays the same cases), overridable with FC_SEED. */
export const FC_SEED = Number(process.env.FC_SEED ?? 20261127);
