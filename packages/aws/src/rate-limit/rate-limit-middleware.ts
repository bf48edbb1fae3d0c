import type { EC2Client } from '@aws-sdk/client-ec2';

import { heartbeat, heartbeatWhile } from '../activity-heartbeat';
import type { Ec2RateLimiter } from './ec2-rate-limiter';
import { isRequestLimitExceeded } from './is-throttling-error';

export const RATE_LIMIT_MIDDLEWARE = 'firebreakEc2RateLimit';

const limiters = new WeakMap<EC2Client, Ec2RateLimiter>();

/**
 * The limiter a client spends from, if any: for work that can be done by either of two calls with the same effect
 * and wants the one whose bucket is less busy.
 */
export function rateLimiterOf(client: EC2Client): Ec2RateLimiter | undefined {
  return limiters.get(client);
}

/** Sends of one command when EC2 answers RequestLimitExceeded, before the error goes to the caller (Temporal). */
export const THROTTLED_SENDS = 5;

/**
 * Makes every command sent through the client wait for a token of its bucket first. It sits in the initialize step,
 * before the SDK's own retry, so each request the client sends has been paid for once.
 *
 * A RequestLimitExceeded answer means the request was refused before anything happened, so it is sent again here
 * (after emptying the bucket, so the next token comes only after a full refill interval) rather than failing the
 * whole activity attempt over a few milliseconds of drift between our bucket and EC2's. Anything else, including a
 * bare 503 whose action may have taken effect, goes to the caller: Temporal's retry and the idempotent activity
 * handle it.
 *
 * Inside an activity with a heartbeat timeout, the wait for a token heartbeats, and so does every answered call: a
 * long queue on a busy bucket must not look like a dead worker.
 */
export function applyEc2RateLimit(client: EC2Client, limiter: Ec2RateLimiter): EC2Client {
  limiters.set(client, limiter);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const action = context.commandName ?? 'unknown';
      for (let send = 1; ; send++) {
        await heartbeatWhile(limiter.acquire(action));
        try {
          const answer = await next(args);
          heartbeat();
          return answer;
        } catch (error) {
          if (send >= THROTTLED_SENDS || !isRequestLimitExceeded(error)) throw error;
          limiter.throttled(action);
        }
      }
    },
    { step: 'initialize', name: RATE_LIMIT_MIDDLEWARE, override: true },
  );
  return client;
}
