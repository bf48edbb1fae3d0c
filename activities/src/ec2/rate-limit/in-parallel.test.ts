import { describe, expect, it } from 'vitest';

import { inParallel } from './in-parallel';

describe('inParallel', () => {
  it('keeps at most the given number in flight and returns results in order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await inParallel([5, 1, 4, 2, 3, 0], 2, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });

  it('starts nothing new after a failure and throws the first error', async () => {
    const started: number[] = [];
    await expect(
      inParallel([1, 2, 3, 4, 5], 1, async (n) => {
        started.push(n);
        if (n === 2) throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
  });
});
