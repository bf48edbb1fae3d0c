import {
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  DescribeNetworkAclsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  ReplaceNetworkAclEntryCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';

import { ensureDenyAllAcl } from './deny-subnet-traffic';

/** A client that answers from a script and records what was sent: the AWS edge, nothing else. */
function scriptedClient(answer: (command: object) => unknown) {
  const sent: object[] = [];
  const client = {
    send: async (command: object) => {
      sent.push(command);
      const result = answer(command);
      if (result instanceof Error) throw result;
      return result;
    },
  } as unknown as EC2Client;
  return { client, sent };
}

const key = { incidentId: 'inc-abcdefabcdef', deploymentId: 'northwind-transfer', role: 'deny-all' as const };

describe('ensureDenyAllAcl', () => {
  it('creates the ACL with the incident tags and both deny entries when none exists', async () => {
    const { client, sent } = scriptedClient((command) => {
      if (command instanceof DescribeNetworkAclsCommand) return { NetworkAcls: [] };
      if (command instanceof CreateNetworkAclCommand) return { NetworkAcl: { NetworkAclId: 'acl-new', Entries: [] } };
      return {};
    });
    expect(await ensureDenyAllAcl(client, key, 'vpc-1')).toBe('acl-new');
    const created = sent.find((c) => c instanceof CreateNetworkAclCommand) as CreateNetworkAclCommand;
    expect(created.input.TagSpecifications?.[0]?.Tags).toEqual(
      expect.arrayContaining([{ Key: 'firebreak:incident', Value: key.incidentId }]),
    );
    const entries = sent.filter((c) => c instanceof CreateNetworkAclEntryCommand) as CreateNetworkAclEntryCommand[];
    expect(entries.map((e) => [e.input.Egress, e.input.RuleNumber, e.input.Protocol, e.input.RuleAction, e.input.CidrBlock])).toEqual([
      [false, 1, '-1', 'deny', '0.0.0.0/0'],
      [true, 1, '-1', 'deny', '0.0.0.0/0'],
    ]);
  });

  it('denies ::/0 both ways beside 0.0.0.0/0 when the VPC has an IPv6 block', async () => {
    const { client, sent } = scriptedClient((command) => {
      if (command instanceof DescribeNetworkAclsCommand) return { NetworkAcls: [{ NetworkAclId: 'acl-d', Entries: [] }] };
      if (command instanceof DescribeVpcsCommand) {
        return {
          Vpcs: [{ Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: '2001:db8:1::/56', Ipv6CidrBlockState: { State: 'associated' } }] }],
        };
      }
      return {};
    });
    expect(await ensureDenyAllAcl(client, key, 'vpc-1')).toBe('acl-d');
    const entries = sent.filter((c) => c instanceof CreateNetworkAclEntryCommand) as CreateNetworkAclEntryCommand[];
    expect(
      entries.map((e) => [e.input.Egress, e.input.RuleNumber, e.input.RuleAction, e.input.CidrBlock ?? e.input.Ipv6CidrBlock]),
    ).toEqual([
      [false, 1, 'deny', '0.0.0.0/0'],
      [true, 1, 'deny', '0.0.0.0/0'],
      [false, 2, 'deny', '::/0'],
      [true, 2, 'deny', '::/0'],
    ]);
  });

  it('reuses the tagged ACL, tolerates an entry that already exists, and corrects a wrong one', async () => {
    const { client, sent } = scriptedClient((command) => {
      if (command instanceof DescribeNetworkAclsCommand) {
        return {
          NetworkAcls: [
            {
              NetworkAclId: 'acl-b',
              Entries: [{ RuleNumber: 1, Egress: true, RuleAction: 'allow', Protocol: '-1', CidrBlock: '0.0.0.0/0' }],
            },
          ],
        };
      }
      if (command instanceof CreateNetworkAclEntryCommand) {
        return Object.assign(new Error('exists'), { name: 'NetworkAclEntryAlreadyExists' });
      }
      return {};
    });
    expect(await ensureDenyAllAcl(client, key, 'vpc-1')).toBe('acl-b');
    expect(sent.some((c) => c instanceof CreateNetworkAclCommand)).toBe(false);
    const replaced = sent.filter((c) => c instanceof ReplaceNetworkAclEntryCommand) as ReplaceNetworkAclEntryCommand[];
    expect(replaced.map((r) => [r.input.Egress, r.input.RuleAction])).toEqual([[true, 'deny']]);
  });

  it('lets any other error through', async () => {
    const { client } = scriptedClient((command) => {
      if (command instanceof DescribeNetworkAclsCommand) return { NetworkAcls: [{ NetworkAclId: 'acl-c', Entries: [] }] };
      return Object.assign(new Error('throttled'), { name: 'RequestLimitExceeded' });
    });
    await expect(ensureDenyAllAcl(client, key, 'vpc-1')).rejects.toThrow('throttled');
  });
});
