import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';

import { CallTimedOutError, callWithTimeout } from './call-with-timeout';

/** The one client method the wrapper uses; it hands the signal to the call so the test can watch it. */
function fakeClient(seen: AbortSignal[]): Client {
  return {
    withAbortSignal: <T>(signal: AbortSignal, fn: () => Promise<T>) => {
      seen.push(signal);
      return fn();
    },
  } as unknown as Client;
}

describe('callWithTimeout', () => {
  it('returns the answer that comes in time', async () => {
    expect(await callWithTimeout(fakeClient([]), 1000, async () => 'accepted')).toBe('accepted');
  });

  it('passes through an error that comes in time', async () => {
    await expect(callWithTimeout(fakeClient([]), 1000, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
  });

  it('aborts a call that does not answer and says it timed out, even if the call ignores the signal', async () => {
    const signals: AbortSignal[] = [];
    const never = new Promise<never>(() => {});
    await expect(callWithTimeout(fakeClient(signals), 20, () => never)).rejects.toBeInstanceOf(CallTimedOutError);
    expect(signals[0]?.aborted).toBe(true);
  });

  it('reports a call that fails because it was aborted as a timeout', async () => {
    const signals: AbortSignal[] = [];
    const call = () => new Promise<never>((_, reject) => signals[0]!.addEventListener('abort', () => reject(new Error('CANCELLED'))));
    await expect(callWithTimeout(fakeClient(signals), 20, call)).rejects.toBeInstanceOf(CallTimedOutError);
  });
});
