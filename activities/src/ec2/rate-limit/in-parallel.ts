import { heartbeat } from '@firebreak/aws';

import { attemptAbandoned, attemptCutoff, attemptTimeSpent } from './attempt-deadline';

/**
 * Runs `work` for every item with at most `concurrency` in flight, and returns the results in the items' order.
 * The EC2 rate limiter decides the actual pace; the pool only keeps enough calls queued to spend the budget.
 * After a failure no new item starts; the ones in flight finish, then the first error is thrown. Inside an
 * activity, no new item starts once the attempt nears its timeout or Temporal gave up on it (see attemptCutoff and
 * attemptAbandoned): the attempt fails retryably instead, so two attempts never work side by side. Each finished
 * item heartbeats (see activity-heartbeat).
 */
export async function inParallel<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const cutoff = attemptCutoff();
  let next = 0;
  let done = 0;
  let failure: { error: unknown } | undefined;
  async function lane(): Promise<void> {
    while (failure === undefined && next < items.length) {
      if ((cutoff !== undefined && Date.now() >= cutoff) || attemptAbandoned()) {
        failure = { error: attemptTimeSpent(done, items.length) };
        return;
      }
      const index = next++;
      try {
        results[index] = await work(items[index]!, index);
        done += 1;
        heartbeat();
      } catch (error) {
        failure ??= { error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  if (failure) throw failure.error;
  return results;
}

/** In flight per activity: enough to keep the largest bucket busy, few enough to stay polite to the endpoint. */
export const EC2_CALLS_IN_FLIGHT = 16;
