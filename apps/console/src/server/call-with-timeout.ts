import type { Client } from '@temporalio/client';

export class CallTimedOutError extends Error {
  override readonly name = 'CallTimedOutError';
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/**
 * Bounds a call to Temporal that waits on a worker (an update, a query). Without a worker such a call polls for as
 * long as the server lets it, and a request handler must not hang: the in-flight gRPC calls are aborted and the
 * caller gets CallTimedOutError. The race stays as a backstop in case a call ignores the signal.
 */
export async function callWithTimeout<T>(client: Client, timeoutMs: number, call: () => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new CallTimedOutError(timeoutMs));
    }, timeoutMs);
  });
  const calling = client.withAbortSignal(controller.signal, call);
  // The losing side of the race must not surface as an unhandled rejection.
  calling.catch(() => {});
  try {
    return await Promise.race([calling, timedOut]);
  } catch (error) {
    if (controller.signal.aborted) throw new CallTimedOutError(timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
