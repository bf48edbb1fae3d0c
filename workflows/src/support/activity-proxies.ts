import type { Activities } from '@firebreak/activities';
import { NON_RETRYABLE_ACTIVITY_FAILURES } from '@firebreak/domain';
import { proxyActivities } from '@temporalio/workflow';

/**
 * Errors that no retry can fix (the registry's non-retryable activity failures): they fail the step at once and are
 * recorded for an engineer. Everything else (throttling, timeouts, 4xx SMTP replies, lost connections) retries with
 * backoff, without limit, because an incident must finish even if a dependency is down for a while.
 */
const NON_RETRYABLE = [...NON_RETRYABLE_ACTIVITY_FAILURES];

/**
 * A crashed worker's attempt is retried elsewhere once 30 seconds pass without a heartbeat. EC2 activities heartbeat
 * while they wait their turn on the shared rate limiter and after every answered call or finished item, so an attempt
 * that queues behind other incidents on a busy bucket (or works through a large deployment) keeps going instead of
 * timing out and being retried while its calls are still queued. The long start-to-close only bounds a runaway attempt.
 */
export const ec2 = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', nonRetryableErrorTypes: NON_RETRYABLE },
});

/**
 * EC2 work that waits for instances to start or stop (launches, replacements, teardown) takes minutes; a crashed
 * worker's attempt of one of these is retried once this timeout passes.
 */
export const slowEc2 = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: NON_RETRYABLE },
});

/**
 * Mail goes through one pool shared by every incident, in turn: a message may wait minutes behind a large round. Sends
 * heartbeat while they wait, so the heartbeat timeout is what catches a crashed worker, and the long start-to-close
 * only bounds a runaway attempt. A timeout while the first attempt's message is still queued would send it twice.
 */
export const mail = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: NON_RETRYABLE },
});

/**
 * A page of a notice round: up to a few hundred messages through the shared mail pool, heartbeating while they wait
 * their turn, so a crashed worker's page is taken over within 30 seconds; the retry skips what was already sent.
 */
export const mailBatch = proxyActivities<Activities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: NON_RETRYABLE },
});

export const journal = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});
