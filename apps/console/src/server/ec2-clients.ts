import { EC2Client } from '@aws-sdk/client-ec2';
import { applyEc2RateLimit, sharedEc2RateLimiter } from '@firebreak/activities/ec2-preview';
import { getEnv } from '../env';

const clients = new Map<string, EC2Client>();

// The emulator accepts any signature; these are not credentials, only a shape the SDK insists on.
const EMULATOR_CREDENTIALS = { accessKeyId: 'emulator', secretAccessKey: 'emulator' } as const;

/**
 * The console's EC2 client for a region, for the declare preview: describe calls and DryRun only. Against AWS it
 * spends from this process's limiter and uses the default credential chain, which should be the worker's role so
 * that DryRun answers for the permissions the playbook will run with.
 */
export function ec2For(region: string): EC2Client {
  let client = clients.get(region);
  if (!client) {
    const { ec2Endpoint } = getEnv();
    client = new EC2Client({
      region,
      maxAttempts: 2,
      // A preview someone is waiting for: an unreachable endpoint fails in seconds rather than minutes.
      requestHandler: { connectionTimeout: 3000, requestTimeout: 15_000 },
      ...(ec2Endpoint ? { endpoint: ec2Endpoint, credentials: EMULATOR_CREDENTIALS } : {}),
    });
    if (!ec2Endpoint) applyEc2RateLimit(client, sharedEc2RateLimiter('aws', region));
    clients.set(region, client);
  }
  return client;
}

/** EC2 is the local emulator, which performs a few calls even when DryRun is set. */
export function ec2IsEmulated(): boolean {
  return getEnv().ec2Endpoint !== undefined;
}
