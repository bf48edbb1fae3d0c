import { CreateTagsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ec2BucketFor } from './ec2-buckets';
import { Ec2RateLimiter, sharedEc2RateLimiter } from './ec2-rate-limiter';
import { isThrottlingError } from './is-throttling-error';
import { applyEc2RateLimit, rateLimiterOf, THROTTLED_SENDS } from './rate-limit-middleware';

describe('ec2BucketFor', () => {
  it('puts each action in its documented bucket', () => {
    expect(ec2BucketFor('RunInstancesCommand')).toBe('run-instances');
    expect(ec2BucketFor('ModifyNetworkInterfaceAttribute')).toBe('modify-network-interface-attribute');
    expect(ec2BucketFor('CreateTagsCommand')).toBe('create-tags');
    expect(ec2BucketFor('DescribeInstancesCommand')).toBe('describe');
    expect(ec2BucketFor('GetConsoleOutput')).toBe('describe');
    expect(ec2BucketFor('ModifyInstanceAttributeCommand')).toBe('mutating');
    expect(ec2BucketFor('DisassociateAddress')).toBe('mutating');
    expect(ec2BucketFor('CreateSnapshot')).toBe('mutating');
  });
});

describe('Ec2RateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('spends each bucket separately', async () => {
    const limiter = new Ec2RateLimiter();
    let mutating = 0;
    let tags = 0;
    for (let i = 0; i < 60; i++) void limiter.acquire('DisassociateAddress').then(() => mutating++);
    for (let i = 0; i < 60; i++) void limiter.acquire('CreateTags').then(() => tags++);
    await vi.advanceTimersByTimeAsync(0);
    expect(mutating).toBe(50);
    expect(tags).toBe(60);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(mutating).toBe(60);
  });

  it('says which of two actions would wait less, by their buckets', async () => {
    const limiter = new Ec2RateLimiter();
    for (let i = 0; i < 60; i++) void limiter.acquire('ModifyInstanceAttribute');
    await vi.advanceTimersByTimeAsync(0);
    // Mutating: 50 granted, 10 waiting at 5 per second; the interface bucket still holds its burst of 100.
    expect(limiter.expectedWaitMs('ModifyInstanceAttribute')).toBe(2_200);
    expect(limiter.expectedWaitMs('ModifyNetworkInterfaceAttribute')).toBe(0);
  });

  it('is one per account and region for the whole process', () => {
    expect(sharedEc2RateLimiter('a', 'us-east-1')).toBe(sharedEc2RateLimiter('a', 'us-east-1'));
    expect(sharedEc2RateLimiter('a', 'us-east-1')).not.toBe(sharedEc2RateLimiter('a', 'eu-west-1'));
    expect(sharedEc2RateLimiter('a', 'us-east-1')).not.toBe(sharedEc2RateLimiter('b', 'us-east-1'));
  });

  it('makes an SDK client wait for a token of the command before it sends', async () => {
    const limiter = new Ec2RateLimiter({
      mutating: { capacity: 1, refillPerSecond: 1 },
      describe: { capacity: 1, refillPerSecond: 1 },
      'run-instances': { capacity: 1, refillPerSecond: 1 },
      'modify-network-interface-attribute': { capacity: 1, refillPerSecond: 1 },
      'create-tags': { capacity: 1, refillPerSecond: 1 },
    });
    const client = applyEc2RateLimit(
      new EC2Client({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
      limiter,
    );
    const sent: string[] = [];
    // The edge of the unit: the request handler records what would go on the wire instead of sending it.
    client.middlewareStack.add(
      (_next, context) => async () => {
        sent.push(context.commandName!);
        return { output: { $metadata: {} }, response: {} } as never;
      },
      { step: 'finalizeRequest', name: 'recordInsteadOfSend' },
    );
    expect(rateLimiterOf(client)).toBe(limiter);
    expect(rateLimiterOf(new EC2Client({ region: 'us-east-1' }))).toBeUndefined();
    const calls = [
      client.send(new DescribeVpcsCommand({})),
      client.send(new DescribeVpcsCommand({})),
      client.send(new CreateTagsCommand({ Resources: ['i-1'], Tags: [] })),
    ];
    await vi.advanceTimersByTimeAsync(10);
    expect(sent.sort()).toEqual(['CreateTagsCommand', 'DescribeVpcsCommand']);
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(calls);
    expect(sent).toHaveLength(3);
  });
});

describe('applyEc2RateLimit and throttling', () => {
  function clientAnswering(answers: (() => unknown)[]) {
    const client = applyEc2RateLimit(
      // One SDK attempt, as every client has (EC2_MAX_ATTEMPTS): the only resends are the limiter's.
      new EC2Client({ region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
      new Ec2RateLimiter(),
    );
    let sends = 0;
    client.middlewareStack.add(
      () => async () => {
        const answer = answers[Math.min(sends++, answers.length - 1)]!();
        return { output: answer, response: {} } as never;
      },
      { step: 'finalizeRequest', name: 'answerInsteadOfSend' },
    );
    return { client, sends: () => sends };
  }
  const limitExceeded = () => {
    throw Object.assign(new Error('Request limit exceeded.'), { name: 'RequestLimitExceeded' });
  };
  const unavailable = () => {
    throw Object.assign(new Error('overloaded'), { name: 'Unavailable', $metadata: { httpStatusCode: 503 } });
  };

  it('sends a throttled request again, and succeeds', async () => {
    const { client, sends } = clientAnswering([limitExceeded, limitExceeded, () => ({ $metadata: {} })]);
    await client.send(new CreateTagsCommand({ Resources: ['i-1'], Tags: [] }));
    expect(sends()).toBe(3);
  });

  it('gives up after a few throttled sends, and leaves a 503 to the caller at once', async () => {
    const throttled = clientAnswering([limitExceeded]);
    await expect(throttled.client.send(new DescribeVpcsCommand({}))).rejects.toThrow('Request limit exceeded');
    expect(throttled.sends()).toBe(THROTTLED_SENDS);
    const failing = clientAnswering([unavailable]);
    await expect(failing.client.send(new DescribeVpcsCommand({}))).rejects.toThrow('overloaded');
    expect(failing.sends()).toBe(1);
  });
});

describe('isThrottlingError', () => {
  it('recognises throttling and 503s, and nothing else', () => {
    expect(isThrottlingError(Object.assign(new Error('slow down'), { name: 'RequestLimitExceeded' }))).toBe(true);
    expect(isThrottlingError(Object.assign(new Error('x'), { name: 'Unknown', $metadata: { httpStatusCode: 503 } }))).toBe(true);
    expect(isThrottlingError(Object.assign(new Error('x'), { name: 'InvalidGroup.NotFound' }))).toBe(false);
  });
});
