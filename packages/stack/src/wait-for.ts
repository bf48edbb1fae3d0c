import { setTimeout as sleep } from 'node:timers/promises';

export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';
}

export interface WaitForOptions {
  /** What is awaited, for the timeout message ("Temporal at 127.0.0.1:7233"). */
  description: string;
  timeoutMs: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Checked between attempts: return an error to stop waiting at once (e.g. the process already exited). */
  failFast?: () => Error | undefined;
}

/**
 * Polls `attempt` until it returns a value, with a doubling delay capped at `maxDelayMs` and an overall bound.
 * An attempt that throws or returns undefined counts as "not yet"; the last reason goes into the timeout message.
 */
export async function waitFor<T>(attempt: () => Promise<T | undefined>, options: WaitForOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let delay = options.initialDelayMs ?? 100;
  const maxDelay = options.maxDelayMs ?? 1000;
  let lastReason = 'no answer yet';
  for (;;) {
    const fatal = options.failFast?.();
    if (fatal) throw fatal;
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      lastReason = error instanceof Error ? error.message : String(error);
    }
    const fatalAfter = options.failFast?.();
    if (fatalAfter) throw fatalAfter;
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new WaitTimeoutError(
        `${options.description} was not ready within ${Math.round(options.timeoutMs / 1000)} s (last: ${lastReason})`,
      );
    }
    await sleep(Math.min(delay, remaining));
    delay = Math.min(delay * 2, maxDelay);
  }
}
