import { createHash } from 'node:crypto';

/**
 * The grading seed of one student of a class: a hash of the class's seed and the student's id,
 * in [0, 2³¹). Each student is judged on inputs of their own, so the "expected" values one
 * student's visible results show answer nothing another student is asked; a class and a shard
 * still replay exactly from the class seed.
 */
export function studentSeed(classSeed: number, id: string): number {
  return createHash('sha256').update(`gradproof-class-seed/${classSeed}/${id}`).digest().readUInt32BE(0) & 0x7fffffff;
}
