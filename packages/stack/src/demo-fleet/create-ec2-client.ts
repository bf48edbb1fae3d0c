import { EC2Client } from '@aws-sdk/client-ec2';
import { applyEc2RateLimit, sharedEc2RateLimiter } from '@firebreak/activities';

export interface Ec2ClientOptions {
  region: string;
  /** Set only for a local emulator (moto); unset means AWS itself with the default credential chain. */
  endpoint?: string;
  /**
   * Spend from the process-wide limiter that follows AWS's request buckets. On by default against AWS; against the
   * emulator, which has no limits, only when asked for (throttling tests, benchmarks).
   */
  rateLimit?: boolean;
}

// The emulator accepts any signature; these are not credentials, only a shape the SDK insists on.
const EMULATOR_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

export function createEc2Client({ region, endpoint, rateLimit }: Ec2ClientOptions): EC2Client {
  const emulated = endpoint !== undefined && endpoint !== '';
  const client = emulated
    ? new EC2Client({ region, endpoint, credentials: EMULATOR_CREDENTIALS, maxAttempts: 3 })
    : new EC2Client({ region });
  if (rateLimit ?? !emulated) applyEc2RateLimit(client, sharedEc2RateLimiter(emulated ? endpoint : 'aws', region));
  return client;
}
