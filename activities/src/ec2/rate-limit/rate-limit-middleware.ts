import type { EC2Client } from '@aws-sdk/client-ec2';
import type { Ec2RateLimiter } from './ec2-rate-limiter';
import { isRequestLimitExceeded } from './is-throttling-error';

export const RATE_LIMIT_MIDDLEWARE = 'firebreakEc2RateLimit';

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
 */
export function applyEc2RateLimit(client: EC2Client, limiter: Ec2RateLimiter): EC2Client {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const action = context.commandName ?? 'unknown';
      for (let send = 1; ; send++) {
        await limiter.acquire(action);
        try {
          return await next(args);
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
