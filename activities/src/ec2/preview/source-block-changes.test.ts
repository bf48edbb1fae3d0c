import type { NetworkAclEntry } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';

import { sourceBlockChangesOf } from './source-block-changes';

const allowAll = (egress: boolean): NetworkAclEntry => ({
  RuleNumber: 100,
  RuleAction: 'allow',
  Protocol: '-1',
  CidrBlock: '0.0.0.0/0',
  Egress: egress,
});
const catchAll = (egress: boolean): NetworkAclEntry => ({
  RuleNumber: 32767,
  RuleAction: 'deny',
  Protocol: '-1',
  CidrBlock: '0.0.0.0/0',
  Egress: egress,
});

describe('sourceBlockChangesOf', () => {
  it('adds a deny both ways on every ACL, at the lowest free number below the first allow', () => {
    const changes = sourceBlockChangesOf(
      [
        {
          networkAclId: 'acl-a',
          subnetIds: ['subnet-1', 'subnet-2'],
          entries: [allowAll(false), allowAll(true), catchAll(false), catchAll(true)],
        },
        {
          networkAclId: 'acl-b',
          subnetIds: ['subnet-3'],
          entries: [
            { RuleNumber: 1, RuleAction: 'deny', Protocol: '6', CidrBlock: '198.51.100.0/24', Egress: false },
            allowAll(false),
            allowAll(true),
          ],
        },
      ],
      '203.0.113.9/32',
    );
    expect(changes).toEqual({
      kind: 'source-block',
      cidr: '203.0.113.9/32',
      entries: [
        { networkAclId: 'acl-a', subnetIds: ['subnet-1', 'subnet-2'], egress: false, action: 'add', ruleNumber: 1 },
        { networkAclId: 'acl-a', subnetIds: ['subnet-1', 'subnet-2'], egress: true, action: 'add', ruleNumber: 1 },
        { networkAclId: 'acl-b', subnetIds: ['subnet-3'], egress: false, action: 'add', ruleNumber: 2 },
        { networkAclId: 'acl-b', subnetIds: ['subnet-3'], egress: true, action: 'add', ruleNumber: 1 },
      ],
    });
  });

  it('reuses a deny already there, and says when an ACL has no room below its first allow', () => {
    const changes = sourceBlockChangesOf(
      [
        {
          networkAclId: 'acl-a',
          subnetIds: ['subnet-1'],
          entries: [
            { RuleNumber: 5, RuleAction: 'deny', Protocol: '-1', CidrBlock: '203.0.113.9/32', Egress: false },
            { RuleNumber: 1, RuleAction: 'allow', Protocol: '-1', CidrBlock: '0.0.0.0/0', Egress: true },
            allowAll(false),
          ],
        },
      ],
      '203.0.113.9/32',
    );
    expect(changes.entries.map(({ egress, action, ruleNumber }) => ({ egress, action, ruleNumber }))).toEqual([
      { egress: false, action: 'already-there', ruleNumber: 5 },
      { egress: true, action: 'no-room', ruleNumber: null },
    ]);
  });
});
