import { DisconnectChanges } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { disconnectChangesOf, PREVIEW_INCIDENT_ID } from './disconnect-changes';
import type { DisconnectTargets } from './read-disconnect-targets';

const targets: DisconnectTargets = {
  deploymentId: 'acme-prod',
  vpcId: 'vpc-0a',
  instances: [
    {
      instanceId: 'i-01',
      state: 'running',
      subnetId: 'subnet-01',
      securityGroupIds: ['sg-app'],
      terminationProtection: false,
      volumes: [
        { volumeId: 'vol-01', deviceName: '/dev/xvda', deleteOnTermination: true },
        { volumeId: 'vol-02', deviceName: '/dev/xvdb', deleteOnTermination: false },
      ],
    },
    { instanceId: 'i-02', state: 'stopped', subnetId: 'subnet-02', securityGroupIds: ['sg-app'], terminationProtection: true, volumes: [] },
  ],
  networkInterfaces: [
    { networkInterfaceId: 'eni-01', instanceId: 'i-01', subnetId: 'subnet-01', securityGroupIds: ['sg-app'] },
    { networkInterfaceId: 'eni-02', instanceId: 'i-02', subnetId: 'subnet-02', securityGroupIds: ['sg-app'] },
  ],
  elasticIps: [
    {
      allocationId: 'eipalloc-01',
      associationId: 'eipassoc-01',
      publicIp: '198.51.100.10',
      instanceId: 'i-01',
      networkInterfaceId: 'eni-01',
    },
  ],
  subnets: [
    { subnetId: 'subnet-01', networkAclId: 'acl-01', associationId: 'aclassoc-01' },
    { subnetId: 'subnet-02', networkAclId: 'acl-01', associationId: 'aclassoc-02' },
  ],
  autoAssignedAddresses: [{ networkInterfaceId: 'eni-02', instanceId: 'i-02', publicIp: '203.0.113.40' }],
  ipv6Blocks: ['2001:db8:a::/56'],
  untaggedInterfaces: [
    { networkInterfaceId: 'eni-lb', subnetId: 'subnet-01', owner: 'amazon-elb', description: 'ELB net/acme/1', attachedTo: null },
  ],
  autoScalingGroups: ['acme-prod-nodes'],
  targetRegistrations: [
    { targetGroupArn: 'arn:aws:elasticloadbalancing:eu-central-1:1:targetgroup/acme/1', instanceId: 'i-01', port: 33001 },
    { targetGroupArn: 'arn:aws:elasticloadbalancing:eu-central-1:1:targetgroup/acme/1', instanceId: 'i-02', port: 33001 },
  ],
};

describe('disconnectChangesOf', () => {
  const changes = disconnectChangesOf(targets);

  it('is a valid preview of the disconnect', () => {
    expect(DisconnectChanges.parse(changes)).toEqual(changes);
  });

  it('names the estate shapes: auto-assigned addresses, IPv6, interfaces it leaves to the ACL, Auto Scaling, targets', () => {
    expect(changes.autoAssignedAddresses).toEqual([{ networkInterfaceId: 'eni-02', instanceId: 'i-02', publicIp: '203.0.113.40' }]);
    expect(changes.ipv6Blocks).toEqual(['2001:db8:a::/56']);
    expect(changes.untaggedInterfaces).toEqual([
      { networkInterfaceId: 'eni-lb', subnetId: 'subnet-01', owner: 'amazon-elb', description: 'ELB net/acme/1' },
    ]);
    expect(changes.autoScalingGroups).toEqual(['acme-prod-nodes']);
    expect(changes.targetGroups).toEqual([
      { targetGroupArn: 'arn:aws:elasticloadbalancing:eu-central-1:1:targetgroup/acme/1', targets: 2 },
    ]);
  });

  it('lists every instance, interface, address and subnet the containment acts on, as they are now', () => {
    expect(changes.instances.map((i) => [i.instanceId, i.state, i.subnetId, i.terminationProtection])).toEqual([
      ['i-01', 'running', 'subnet-01', false],
      ['i-02', 'stopped', 'subnet-02', true],
    ]);
    expect(changes.networkInterfaces.map((n) => n.networkInterfaceId)).toEqual(['eni-01', 'eni-02']);
    expect(changes.elasticIps).toEqual([
      { allocationId: 'eipalloc-01', publicIp: '198.51.100.10', instanceId: 'i-01', networkInterfaceId: 'eni-01' },
    ]);
    expect(changes.subnets).toEqual([
      { subnetId: 'subnet-01', networkAclId: 'acl-01' },
      { subnetId: 'subnet-02', networkAclId: 'acl-01' },
    ]);
  });

  it('names what it creates as the activities will, and every volume to snapshot with its instance', () => {
    expect(changes.created.map((c) => [c.resource, c.role, c.name])).toEqual([
      ['network-acl', 'deny-all', `firebreak-${PREVIEW_INCIDENT_ID}-deny-all`],
      ['security-group', 'allow-all', `firebreak-${PREVIEW_INCIDENT_ID}-acme-prod-allow-all`],
      ['security-group', 'isolation', `firebreak-${PREVIEW_INCIDENT_ID}-acme-prod-isolation`],
    ]);
    expect(changes.volumes).toEqual([
      { volumeId: 'vol-01', deviceName: '/dev/xvda', deleteOnTermination: true, instanceId: 'i-01' },
      { volumeId: 'vol-02', deviceName: '/dev/xvdb', deleteOnTermination: false, instanceId: 'i-01' },
    ]);
  });
});
