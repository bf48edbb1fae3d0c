import { EC2Client } from '@aws-sdk/client-ec2';
import { applyEc2RateLimit, type Ec2RateLimiter, sharedEc2RateLimiter } from '@firebreak/activities';

export interface Ec2ClientFactoryOptions {
  endpoint?: string;
  /**
   * Spend from the process-wide limiter that follows AWS's request buckets. On by default against AWS; off by default
   * against the local emulator, which has no limits of its own, unless asked for (the throttling tests and benchmarks).
   */
  rateLimit?: boolean;
  /** The limiter for a region; the default is the process-wide one for this account and region. */
  limiterFor?: (region: string) => Ec2RateLimiter;
}

/**
 * One EC2 client per region, shared by every activity of the worker. An endpoint means the local emulator,
 * which accepts any credentials; without one the SDK's default credential chain (an IAM role) applies.
 */
export function createEc2ClientFactory(options: Ec2ClientFactoryOptions): (region: string) => EC2Client {
  const clients = new Map<string, EC2Client>();
  const rateLimit = options.rateLimit ?? !options.endpoint;
  // The emulator's endpoint stands for its account: every client of this process talking to it shares the budget.
  const account = options.endpoint ?? 'aws';
  const limiterFor = options.limiterFor ?? ((region: string) => sharedEc2RateLimiter(account, region));
  return (region) => {
    let client = clients.get(region);
    if (!client) {
      client = new EC2Client({
        region,
        maxAttempts: 1, // Temporal's activity retries are the one retry loop, so backoff is visible in history.
        ...(options.endpoint
          ? { endpoint: options.endpoint, credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' } }
          : {}),
      });
      if (rateLimit) applyEc2RateLimit(client, limiterFor(region));
      clients.set(region, client);
    }
    return client;
  };
}
