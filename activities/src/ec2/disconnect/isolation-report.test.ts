import { describe, expect, it } from 'vitest';

import { buildIsolationReport, describeProblems, type IsolationObservation } from './isolation-report';

const ISOLATION = 'sg-isolation';
const DENY = 'acl-deny';

function contained(): IsolationObservation {
  return {
    isolationGroup: { GroupId: ISOLATION, IpPermissions: [], IpPermissionsEgress: [] },
    denyAcl: {
      NetworkAclId: DENY,
      Entries: [
        { RuleNumber: 1, RuleAction: 'deny', Egress: false, Protocol: '-1', CidrBlock: '0.0.0.0/0' },
        { RuleNumber: 1, RuleAction: 'deny', Egress: true, Protocol: '-1', CidrBlock: '0.0.0.0/0' },
        { RuleNumber: 32767, RuleAction: 'deny', Egress: false, Protocol: '-1', CidrBlock: '0.0.0.0/0' },
      ],
    },
    instances: [{ InstanceId: 'i-1' }, { InstanceId: 'i-2' }],
    interfaces: [
      { NetworkInterfaceId: 'eni-1', Groups: [{ GroupId: ISOLATION }], Association: {} },
      { NetworkInterfaceId: 'eni-2', Groups: [{ GroupId: ISOLATION }] },
    ],
    addresses: [],
    subnetIds: ['subnet-a', 'subnet-b'],
    subnetAcls: [
      { subnetId: 'subnet-a', networkAclId: DENY, associationId: 'aclassoc-a' },
      { subnetId: 'subnet-b', networkAclId: DENY, associationId: 'aclassoc-b' },
    ],
  };
}

describe('buildIsolationReport', () => {
  it('is clean when every path is closed, and lists the evidence', () => {
    const report = buildIsolationReport(contained());
    expect(report.problems).toEqual([]);
    expect(report.clean).toBe(true);
    expect(report.evidence).toMatchObject({
      isolationGroupId: ISOLATION,
      networkAclId: DENY,
      instances: ['i-1', 'i-2'],
      subnets: [
        { subnetId: 'subnet-a', networkAclId: DENY },
        { subnetId: 'subnet-b', networkAclId: DENY },
      ],
    });
  });

  it('names an Elastic IP still associated', () => {
    const seen = contained();
    seen.addresses = [{ PublicIp: '198.51.100.7', InstanceId: 'i-1', AllocationId: 'eipalloc-1', AssociationId: 'eipassoc-1' }];
    const report = buildIsolationReport(seen);
    expect(report.clean).toBe(false);
    expect(report.problems).toEqual(['Elastic IP 198.51.100.7 is still associated with i-1']);
  });

  it('names an interface with any group besides the isolation group (the emulator reports unions)', () => {
    const seen = contained();
    seen.interfaces[1] = { NetworkInterfaceId: 'eni-2', Groups: [{ GroupId: ISOLATION }, { GroupId: 'sg-transfer' }] };
    expect(buildIsolationReport(seen).problems).toEqual([
      'interface eni-2 is in groups [sg-isolation, sg-transfer], not only the isolation group',
    ]);
  });

  it('names a subnet not on the deny ACL, or with no association at all', () => {
    const seen = contained();
    seen.subnetAcls = [{ subnetId: 'subnet-a', networkAclId: 'acl-default', associationId: 'aclassoc-a' }];
    expect(buildIsolationReport(seen).problems).toEqual([
      'subnet subnet-a is on ACL acl-default, not the deny ACL',
      'subnet subnet-b is on ACL (none), not the deny ACL',
    ]);
  });

  it('names public addresses that are not Elastic IPs', () => {
    const seen = contained();
    seen.instances[0] = { InstanceId: 'i-1', PublicIpAddress: '203.0.113.9' };
    seen.interfaces[0] = { NetworkInterfaceId: 'eni-1', Groups: [{ GroupId: ISOLATION }], Association: { PublicIp: '203.0.113.9' } };
    expect(buildIsolationReport(seen).problems).toEqual([
      'instance i-1 still has public address 203.0.113.9',
      'interface eni-1 still has public address 203.0.113.9',
    ]);
  });

  it('fails when the containment resources are missing or were loosened', () => {
    const missing = { ...contained(), isolationGroup: undefined, denyAcl: undefined };
    const problems = buildIsolationReport(missing).problems;
    expect(problems).toContain('the isolation security group does not exist');
    expect(problems).toContain('the deny-all network ACL does not exist');
    expect(problems.filter((p) => p.startsWith('interface'))).toHaveLength(2);

    const loosened = contained();
    loosened.isolationGroup!.IpPermissionsEgress = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
    loosened.denyAcl!.Entries!.push({ RuleNumber: 100, RuleAction: 'allow', Egress: false, Protocol: '-1', CidrBlock: '0.0.0.0/0' });
    expect(buildIsolationReport(loosened).problems).toEqual([
      'isolation group sg-isolation has rules; it must allow nothing',
      'deny ACL acl-deny has 1 allow entries',
    ]);
  });
});

describe('describeProblems', () => {
  it('keeps the failure message short on a large deployment', () => {
    const problems = Array.from({ length: 25 }, (_, i) => `problem ${i}`);
    const message = describeProblems('shared-transfer-eu', problems);
    expect(message).toMatch(/^a public path to deployment shared-transfer-eu remains: problem 0; /);
    expect(message).toMatch(/problem 9; and 15 more$/);
  });
});
