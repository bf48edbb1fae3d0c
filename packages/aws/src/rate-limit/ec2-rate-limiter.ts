import { EC2_DEFAULT_BUCKETS, ec2BucketFor, type Ec2BucketName } from './ec2-buckets';
import { type BucketSpec, TokenBucket } from './token-bucket';

/** The EC2 request budget of one account in one region: one token bucket per AWS bucket. */
export class Ec2RateLimiter {
  private readonly buckets: Record<Ec2BucketName, TokenBucket>;

  constructor(specs: Record<Ec2BucketName, BucketSpec> = EC2_DEFAULT_BUCKETS, now: () => number = Date.now) {
    this.buckets = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, new TokenBucket(spec, now)])) as Record<
      Ec2BucketName,
      TokenBucket
    >;
  }

  /** Resolves when a request for `action` fits the budget. */
  acquire(action: string): Promise<void> {
    return this.buckets[ec2BucketFor(action)].take();
  }

  /** How long a request for `action` made now would wait for its token, in ms. */
  expectedWaitMs(action: string): number {
    return this.buckets[ec2BucketFor(action)].expectedWaitMs();
  }

  /** The server throttled `action`: spend nothing from its bucket until it has refilled from empty. */
  throttled(action: string): void {
    this.buckets[ec2BucketFor(action)].drain();
  }

  bucket(name: Ec2BucketName): TokenBucket {
    return this.buckets[name];
  }
}

const shared = new Map<string, Ec2RateLimiter>();

/**
 * The process-wide limiter for an account and region. AWS counts requests per account and region, not per client,
 * so every client of the process that talks to the same account and region must spend from the same buckets.
 */
export function sharedEc2RateLimiter(account: string, region: string): Ec2RateLimiter {
  const key = `${account}\u0000${region}`;
  let limiter = shared.get(key);
  if (!limiter) {
    limiter = new Ec2RateLimiter();
    shared.set(key, limiter);
  }
  return limiter;
}
