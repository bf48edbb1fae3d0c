import type { EC2Client } from '@aws-sdk/client-ec2';
import { createEc2ClientFactory } from '@firebreak/aws';

import { getEnv } from '../env';

// A preview someone is waiting for: an unreachable endpoint fails in seconds rather than minutes.
const PREVIEW_TIMEOUTS = { connectionMs: 3000, requestMs: 15_000 };

let clientFor: ((region: string) => EC2Client) | undefined;

/**
 * The console's EC2 client for a region, for the declare preview: describe calls and DryRun only. Against AWS it
 * spends from this process's limiter and uses the default credential chain, which should be the worker's role so
 * that DryRun answers for the permissions the playbook will run with.
 */
export function ec2For(region: string): EC2Client {
  clientFor ??= createEc2ClientFactory({ endpoint: getEnv().ec2Endpoint, timeouts: PREVIEW_TIMEOUTS });
  return clientFor(region);
}

/** EC2 is the local emulator, which performs a few calls even when DryRun is set. */
export function ec2IsEmulated(): boolean {
  return getEnv().ec2Endpoint !== undefined;
}
