import { describe, expect, it } from 'vitest';

import { buildIsolationReport, type IsolationObservation } from './isolation-report';

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
    vpcIpv6Blocks: [],
    routeTables: [],
    untaggedInterfaces: [],
  };
}

/** The same deployment in a dual-stack VPC: an IPv6 block, an interface with an IPv6 address, an egress-only route. */
function dualStack(): IsolationObservation {
  const seen = contained();
  seen.vpcIpv6Blocks = ['2001:db8:10::/56'];
  seen.interfaces[0]!.Ipv6Addresses = [{ Ipv6Address: '2001:db8:10::10' }];
  seen.routeTables = [{ RouteTableId: 'rtb-1', Routes: [{ DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-1' }] }];
  return seen;
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

  it('names an auto-assigned public address once, with its instance and interface', () => {
    const seen = contained();
    seen.instances[0] = { InstanceId: 'i-1', PublicIpAddress: '203.0.113.9' };
    seen.interfaces[0] = {
      NetworkInterfaceId: 'eni-1',
      Groups: [{ GroupId: ISOLATION }],
      Attachment: { InstanceId: 'i-1', DeviceIndex: 0 },
      Association: { PublicIp: '203.0.113.9' },
    };
    const report = buildIsolationReport(seen);
    expect(report.problems).toEqual(['instance i-1 still has the auto-assigned public address 203.0.113.9 on interface eni-1']);
    expect(report.evidence.autoAssignedPublicIps).toEqual([{ publicIp: '203.0.113.9', networkInterfaceId: 'eni-1', instanceId: 'i-1' }]);
  });

  it('in a dual-stack VPC, asks for ::/0 denied both ways, and lists the IPv6 paths as evidence', () => {
    const seen = dualStack();
    expect(buildIsolationReport(seen).problems).toEqual([
      'deny ACL acl-deny does not deny all IPv6 traffic (::/0) both ways, and the VPC carries IPv6',
    ]);
    seen.denyAcl!.Entries!.push(
      { RuleNumber: 2, RuleAction: 'deny', Egress: false, Protocol: '-1', Ipv6CidrBlock: '::/0' },
      { RuleNumber: 2, RuleAction: 'deny', Egress: true, Protocol: '-1', Ipv6CidrBlock: '::/0' },
    );
    const report = buildIsolationReport(seen);
    expect(report.clean).toBe(true);
    expect(report.evidence.ipv6).toEqual({
      vpcBlocks: ['2001:db8:10::/56'],
      deniedBothWays: true,
      interfaces: [{ networkInterfaceId: 'eni-1', addresses: ['2001:db8:10::10'] }],
      egressOnlyRoutes: [{ routeTableId: 'rtb-1', egressOnlyInternetGatewayId: 'eigw-1', destination: '::/0' }],
    });
  });

  it('lists interfaces no tagged instance owns as evidence, not as a remaining path', () => {
    const seen = contained();
    seen.untaggedInterfaces = [
      { NetworkInterfaceId: 'eni-lb', SubnetId: 'subnet-a', RequesterId: 'amazon-elb', Description: 'ELB net/transfer/1' },
    ];
    const report = buildIsolationReport(seen);
    expect(report.clean).toBe(true);
    expect(report.evidence.untaggedInterfaces).toEqual([
      { networkInterfaceId: 'eni-lb', subnetId: 'subnet-a', owner: 'amazon-elb', description: 'ELB net/transfer/1', attachedTo: null },
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
