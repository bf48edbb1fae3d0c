import { describe, expect, it } from 'vitest';

import { createEc2Client, EC2_MAX_ATTEMPTS } from './create-ec2-client';
import { createEc2ClientFactory } from './create-ec2-client-factory';
import { Ec2RateLimiter, sharedEc2RateLimiter } from './rate-limit/ec2-rate-limiter';
import { rateLimiterOf } from './rate-limit/rate-limit-middleware';

describe('createEc2Client', () => {
  it('against AWS spends from the process-wide limiter of the account and region', () => {
    const client = createEc2Client('eu-west-1');
    expect(rateLimiterOf(client)).toBe(sharedEc2RateLimiter('aws', 'eu-west-1'));
  });

  it('against the emulator uses its endpoint and placeholder credentials, and no limiter unless asked for', async () => {
    const endpoint = 'http://127.0.0.1:5999';
    const client = createEc2Client('us-east-1', { endpoint });
    expect(rateLimiterOf(client)).toBeUndefined();
    const resolved = await client.config.endpoint!();
    expect(`${resolved.protocol}//${resolved.hostname}:${resolved.port}`).toBe(endpoint);
    expect((await client.config.credentials()).accessKeyId).toBe('emulator');
    // Every client of the process talking to the same emulator shares its budget, as it would share an account's.
    expect(rateLimiterOf(createEc2Client('us-east-1', { endpoint, rateLimit: true }))).toBe(sharedEc2RateLimiter(endpoint, 'us-east-1'));
  });

  it('makes one SDK attempt per request, whoever builds it', async () => {
    expect(await createEc2Client('us-east-1').config.maxAttempts()).toBe(EC2_MAX_ATTEMPTS);
    expect(await createEc2Client('us-east-1', { endpoint: 'http://127.0.0.1:5999' }).config.maxAttempts()).toBe(1);
  });

  it('takes the limiter it is given', () => {
    const limiter = new Ec2RateLimiter();
    expect(rateLimiterOf(createEc2Client('us-east-1', { limiterFor: () => limiter }))).toBe(limiter);
  });
});

describe('createEc2ClientFactory', () => {
  it('makes one client per region and hands the same one out again', () => {
    const ec2For = createEc2ClientFactory();
    expect(ec2For('us-east-1')).toBe(ec2For('us-east-1'));
    expect(ec2For('us-east-1')).not.toBe(ec2For('eu-west-1'));
    // Two factories of one process (worker and preview, say) still spend from one budget.
    expect(rateLimiterOf(createEc2ClientFactory()('us-east-1'))).toBe(rateLimiterOf(ec2For('us-east-1')));
  });
});
