import { FAILURE } from '@firebreak/domain';
import { ApplicationFailure, Context } from '@temporalio/activity';

/** Time kept back at the end of an attempt for the calls already in flight to finish. */
const RESERVE_FRACTION = 0.25;
const RESERVE_MIN_MS = 5_000;

/**
 * When the current activity attempt should stop starting new EC2 calls, or undefined outside an activity.
 * An attempt that overran its start-to-close timeout would be retried while it still runs, and two attempts working
 * side by side could create the same resource twice; stopping early and failing retryably hands the rest to a
 * retry that finds the finished work in EC2 and carries on.
 */
export function attemptCutoff(): number | undefined {
  let info: Context['info'];
  try {
    info = Context.current().info;
  } catch {
    return undefined; // called directly (tests, scripts), not as an activity
  }
  const timeoutMs = info.startToCloseTimeoutMs;
  if (!timeoutMs) return undefined;
  const reserve = Math.max(RESERVE_MIN_MS, timeoutMs * RESERVE_FRACTION);
  return info.currentAttemptScheduledTimestampMs + timeoutMs - reserve;
}

export const ATTEMPT_TIME_SPENT = FAILURE.ATTEMPT_TIME_SPENT;

export function attemptTimeSpent(done: number, total: number): ApplicationFailure {
  return ApplicationFailure.retryable(
    `stopped before the attempt's timeout with ${total - done} of ${total} calls left; the retry continues`,
    ATTEMPT_TIME_SPENT,
  );
}

/**
 * True once Temporal has given up on the current attempt (its heartbeat timed out, e.g. while the server was
 * unreachable, or the incident was cancelled): a retry may already be running, so this attempt must start nothing new.
 */
export function attemptAbandoned(): boolean {
  try {
    return Context.current().cancellationSignal.aborted;
  } catch {
    return false; // called directly (tests, scripts), not as an activity
  }
}
