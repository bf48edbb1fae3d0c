import { Context } from '@temporalio/activity';

/** How often an activity waiting its turn for a token says it is still alive; well inside any heartbeat timeout. */
export const WAITING_HEARTBEAT_MS = 5_000;

/**
 * The current activity, if it runs as one with a heartbeat timeout. EC2 activities are allowed a long attempt so a
 * queue on the shared limiter does not expire them; the heartbeat timeout is what still catches a crashed worker.
 */
function heartbeatingActivity(): Context | undefined {
  let context: Context;
  try {
    context = Context.current();
  } catch {
    return undefined; // called directly (tests, scripts, the console), not as an activity
  }
  return context.info.heartbeatTimeoutMs ? context : undefined;
}

/** Tells Temporal the activity is alive and making progress (the SDK throttles what actually goes out). */
export function heartbeat(): void {
  heartbeatingActivity()?.heartbeat();
}

/**
 * Waits for `waiting` while heartbeating every few seconds: waiting for a token of a busy bucket is the activity
 * doing its job, not a hung worker. A hung EC2 call is not covered: only the wait before sending it is.
 */
export async function heartbeatWhile<T>(waiting: Promise<T>): Promise<T> {
  const activity = heartbeatingActivity();
  if (!activity) return waiting;
  activity.heartbeat();
  const timer = setInterval(() => activity.heartbeat(), WAITING_HEARTBEAT_MS);
  try {
    return await waiting;
  } finally {
    clearInterval(timer);
  }
}
