import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { forEachConcurrently } from '../../../src/grade/batch/forEachConcurrently';

describe('forEachConcurrently', () => {
  it('calls every item once, never more than `jobs` at a time, starting in order', async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    await forEachConcurrently([5, 1, 4, 2, 3, 0, 2], 3, async (ms) => {
      started.push(ms);
      most = Math.max(most, ++inFlight);
      await sleep(ms * 5);
      inFlight--;
    });
    expect(started).toEqual([5, 1, 4, 2, 3, 0, 2]);
    expect(most).toBe(3);
  });

  it('starts nothing new after a rejection, lets the calls in flight finish, then throws the first', async () => {
    const finished: number[] = [];
    const run = forEachConcurrently([1, 2, 3, 4, 5], 2, async (i) => {
      await sleep(i === 2 ? 30 : 5);
      if (i === 1) throw new Error('first');
      finished.push(i);
    });
    await expect(run).rejects.toThrow('first');
    expect(finished).toEqual([2]);
  });

  it('an empty list resolves at once', async () => {
    await expect(forEachConcurrently([], 4, async () => undefined)).resolves.toBeUndefined();
  });
});
