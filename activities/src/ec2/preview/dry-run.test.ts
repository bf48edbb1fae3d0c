import { describe, expect, it } from 'vitest';

import { classifyDryRunError, type DryRunProbe, tryDryRun } from './dry-run';

/** An error shaped as the AWS SDK throws them: the EC2 code as its name, with the service's metadata. */
function ec2Error(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: code, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

function probe(action: string, outcome: () => Promise<unknown>, target: string | null = 'vpc-1'): DryRunProbe & { sent: number } {
  const p = {
    action,
    target,
    sent: 0,
    send: async () => {
      p.sent++;
      return outcome();
    },
  };
  return p;
}

describe('classifyDryRunError', () => {
  it('reads DryRunOperation as allowed and UnauthorizedOperation as refused', () => {
    expect(classifyDryRunError(ec2Error('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.')).outcome).toBe(
      'allowed',
    );
    const refused = classifyDryRunError(
      ec2Error('UnauthorizedOperation', 'You are not authorized. Encoded authorization failure message: abc123'),
    );
    expect(refused.outcome).toBe('refused');
    expect(refused.detail).not.toContain('abc123');
  });

  it('reports any other EC2 error with its code, and a network failure without its address', () => {
    expect(classifyDryRunError(ec2Error('InvalidVpcID.NotFound', "The vpc ID 'vpc-1' does not exist"))).toEqual({
      outcome: 'failed',
      detail: "InvalidVpcID.NotFound: The vpc ID 'vpc-1' does not exist",
    });
    expect(classifyDryRunError(new Error('connect ECONNREFUSED 10.0.0.7:443'))).toEqual({
      outcome: 'failed',
      detail: 'EC2 did not answer.',
    });
  });
});

describe('tryDryRun', () => {
  it('sends the probe and says what EC2 answered', async () => {
    const p = probe('CreateSnapshot', () => Promise.reject(ec2Error('DryRunOperation', 'would succeed')));
    expect(await tryDryRun(p, { emulated: false })).toMatchObject({ action: 'CreateSnapshot', target: 'vpc-1', outcome: 'allowed' });
    expect(p.sent).toBe(1);
  });

  it('never sends to the emulator a call it would perform despite DryRun, but does send it to AWS', async () => {
    const toEmulator = probe('CreateNetworkAcl', () => Promise.reject(ec2Error('DryRunOperation', 'would succeed')));
    expect(await tryDryRun(toEmulator, { emulated: true })).toMatchObject({ outcome: 'not-checked' });
    expect(toEmulator.sent).toBe(0);
    const toAws = probe('CreateNetworkAcl', () => Promise.reject(ec2Error('DryRunOperation', 'would succeed')));
    expect(await tryDryRun(toAws, { emulated: false })).toMatchObject({ outcome: 'allowed' });
    expect(toAws.sent).toBe(1);
  });

  it('says so when the endpoint performed the call, and sends nothing without a target', async () => {
    expect(
      await tryDryRun(
        probe('DisassociateAddress', () => Promise.resolve({})),
        { emulated: false },
      ),
    ).toMatchObject({
      outcome: 'dry-run-ignored',
    });
    const none = probe('DisassociateAddress', () => Promise.resolve({}), null);
    expect(await tryDryRun(none, { emulated: false })).toMatchObject({ outcome: 'not-checked', target: null });
    expect(none.sent).toBe(0);
  });
});
