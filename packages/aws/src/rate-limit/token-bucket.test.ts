import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Starts `count` takes at once and records when each one resolved (fake ms since the start). */
  function takeMany(bucket: TokenBucket, count: number): number[] {
    const granted: number[] = [];
    for (let i = 0; i < count; i++) void bucket.take().then(() => granted.push(Date.now()));
    return granted;
  }

  it('grants the burst at once, then one token per refill interval, in order', async () => {
    const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 2 });
    const granted = takeMany(bucket, 9);
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toEqual([0, 0, 0, 0, 0]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(granted).toEqual([0, 0, 0, 0, 0, 500, 1_000, 1_500, 2_000]);
    expect(bucket.waiting).toBe(0);
  });

  it('matches the documented mutating bucket: 50 at once, then 5 per second', async () => {
    const bucket = new TokenBucket({ capacity: 50, refillPerSecond: 5 });
    const granted = takeMany(bucket, 100);
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toHaveLength(50);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(granted).toHaveLength(55);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(granted).toHaveLength(100);
    expect(granted.at(-1)).toBe(10_000);
  });

  it('refills while idle, never beyond its capacity', async () => {
    const bucket = new TokenBucket({ capacity: 10, refillPerSecond: 10 });
    takeMany(bucket, 10);
    await vi.advanceTimersByTimeAsync(0);
    expect(bucket.available()).toBe(0);
    await vi.advanceTimersByTimeAsync(300);
    expect(bucket.available()).toBeCloseTo(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(bucket.available()).toBe(10);
  });

  it('keeps one timer for all waiters instead of polling', async () => {
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 1 });
    takeMany(bucket, 20);
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);
    expect(bucket.waiting).toBe(19);
  });

  it('serves a late caller after the ones already waiting', async () => {
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 1 });
    const order: string[] = [];
    void bucket.take().then(() => order.push('first'));
    void bucket.take().then(() => order.push('second'));
    await vi.advanceTimersByTimeAsync(999);
    void bucket.take().then(() => order.push('third'));
    await vi.advanceTimersByTimeAsync(2_001);
    expect(order).toEqual(['first', 'second', 'third']);
  });

  it('after a drain, grants the next token only after a full refill interval', async () => {
    const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 5 });
    bucket.drain();
    const granted = takeMany(bucket, 1);
    await vi.advanceTimersByTimeAsync(199);
    expect(granted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual([200]);
  });

  it('tells how long a take made now would wait, behind the callers already waiting', async () => {
    const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 4 });
    expect(bucket.expectedWaitMs()).toBe(0);
    takeMany(bucket, 5);
    await vi.advanceTimersByTimeAsync(0);
    // Two granted from the burst, three waiting: a sixth take waits for the fourth token from now.
    expect(bucket.expectedWaitMs()).toBe(1_000);
    await vi.advanceTimersByTimeAsync(500);
    expect(bucket.expectedWaitMs()).toBe(500);
  });

  it('refuses a bucket that could never grant a token', () => {
    expect(() => new TokenBucket({ capacity: 0, refillPerSecond: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ capacity: 1, refillPerSecond: 0 })).toThrow(RangeError);
  });
});
