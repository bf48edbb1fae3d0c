import { EC2Client } from '@aws-sdk/client-ec2';

import { type Ec2RateLimiter, sharedEc2RateLimiter } from './rate-limit/ec2-rate-limiter';
import { applyEc2RateLimit } from './rate-limit/rate-limit-middleware';
import { nameFailedCommands } from './refused-requests';

export interface Ec2ClientOptions {
  /** Set only for the local EC2 emulator (moto); unset means AWS itself with the SDK's default credential chain. */
  endpoint?: string | undefined;
  /**
   * Spend from the process-wide limiter that follows AWS's request buckets. On by default against AWS; off by default
   * against the emulator, which has no limits of its own, unless asked for (the throttling tests and benchmarks).
   */
  rateLimit?: boolean;
  /** The limiter for a region; the default is the process-wide one for this account and region. */
  limiterFor?: (region: string) => Ec2RateLimiter;
  /** Give up on an endpoint that does not answer; unset keeps the SDK's defaults. */
  timeouts?: { connectionMs: number; requestMs: number };
}

/**
 * One SDK attempt per request. The SDK's own retry would send a request again after a 503 or a timeout whose first
 * attempt may already have taken effect (a second instance, a second rule); only the caller knows how to find what it
 * already did, so the caller owns retries: Temporal's activity retry (visible in history, with its backoff) in the
 * worker, the person waiting for a preview in the console, a rerun of the idempotent demo seeding in the stack. The
 * one resend inside the client is the limiter's, for RequestLimitExceeded, which EC2 answers before doing anything.
 */
export const EC2_MAX_ATTEMPTS = 1;

// The emulator accepts any signature; these are not credentials, only a shape the SDK insists on.
const EMULATOR_CREDENTIALS = { accessKeyId: 'emulator', secretAccessKey: 'emulator' } as const;

/** An EC2 client for a region, as every Firebreak process makes them: same retry policy, same per-process limiter. */
export function createEc2Client(region: string, options: Ec2ClientOptions = {}): EC2Client {
  const endpoint = options.endpoint || undefined;
  const client = new EC2Client({
    region,
    maxAttempts: EC2_MAX_ATTEMPTS,
    ...(options.timeouts
      ? { requestHandler: { connectionTimeout: options.timeouts.connectionMs, requestTimeout: options.timeouts.requestMs } }
      : {}),
    ...(endpoint ? { endpoint, credentials: EMULATOR_CREDENTIALS } : {}),
  });
  nameFailedCommands(client);
  if (options.rateLimit ?? !endpoint) {
    // The emulator's endpoint stands for its account: every client of this process talking to it shares the budget.
    const limiterFor = options.limiterFor ?? ((name: string) => sharedEc2RateLimiter(endpoint ?? 'aws', name));
    applyEc2RateLimit(client, limiterFor(region));
  }
  return client;
}
