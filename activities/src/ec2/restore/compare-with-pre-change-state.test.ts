import { describe, expect, it } from 'vitest';

import type { PreChangeState } from '../shared/pre-change-state';
import { diffStates } from './compare-with-pre-change-state';

const recorded: PreChangeState = {
  deploymentId: 'acme-prod',
  region: 'eu-central-1',
  vpcId: 'vpc-1',
  capturedAt: '2026-11-27T10:00:00.000Z',
  instances: [
    {
      instanceId: 'i-1',
      state: 'running',
      subnetId: 'subnet-1',
      securityGroupIds: ['sg-app'],
      volumes: [{ volumeId: 'vol-1', deviceName: '/dev/xvda', deleteOnTermination: true }],
    },
  ],
  networkInterfaces: [
    {
      networkInterfaceId: 'eni-1',
      instanceId: 'i-1',
      subnetId: 'subnet-1',
      securityGroupIds: ['sg-app'],
      deviceIndex: 0,
      autoAssignedPublicIp: '203.0.113.5',
      ipv6Addresses: [],
    },
  ],
  elasticIps: [
    {
      allocationId: 'eipalloc-1',
      associationId: 'eipassoc-1',
      publicIp: '198.51.100.1',
      instanceId: 'i-1',
      networkInterfaceId: 'eni-1',
      privateIpAddress: '10.0.1.4',
    },
  ],
  subnets: [{ subnetId: 'subnet-1', networkAclId: 'acl-original', associationId: 'aclassoc-1' }],
  autoScalingGroups: [{ name: 'acme-nodes', suspendedProcesses: ['AddToLoadBalancer'] }],
  targetRegistrations: [{ targetGroupArn: 'arn:tg/acme', instanceId: 'i-1', port: 33001 }],
  untaggedInterfaces: [],
};

describe('diffStates', () => {
  it('finds nothing when the state is back, whatever the new association ids and auto-assigned address', () => {
    const now: PreChangeState = structuredClone(recorded);
    now.capturedAt = '2026-11-28T10:00:00.000Z';
    now.elasticIps[0]!.associationId = 'eipassoc-new';
    now.subnets[0]!.associationId = 'aclassoc-new';
    now.networkInterfaces[0]!.autoAssignedPublicIp = '203.0.113.99';
    expect(diffStates(recorded, now)).toEqual([]);
  });

  it('names every field that differs, in words', () => {
    const now: PreChangeState = structuredClone(recorded);
    now.instances[0]!.volumes[0]!.deleteOnTermination = false;
    now.networkInterfaces[0]!.securityGroupIds = ['sg-isolation'];
    now.networkInterfaces[0]!.autoAssignedPublicIp = null;
    now.elasticIps = [];
    now.subnets[0]!.networkAclId = 'acl-deny';
    now.autoScalingGroups[0]!.suspendedProcesses = ['AddToLoadBalancer', 'Launch'];
    now.targetRegistrations = [];
    expect(diffStates(recorded, now)).toEqual([
      'volume vol-1: delete on termination is false, was true',
      'interface eni-1 is in [sg-isolation], was in [sg-app]',
      'interface eni-1 has no auto-assigned public address, had one',
      'Elastic IP 198.51.100.1 is not associated, was on eni-1',
      'subnet subnet-1 is on ACL acl-deny, was on acl-original',
      'Auto Scaling group acme-nodes has [AddToLoadBalancer, Launch] suspended, had [AddToLoadBalancer]',
      'instance i-1 is not registered in target group arn:tg/acme',
    ]);
  });

  it('says when an instance or interface is gone', () => {
    const now: PreChangeState = { ...structuredClone(recorded), instances: [], networkInterfaces: [] };
    expect(diffStates(recorded, now)).toEqual(expect.arrayContaining(['instance i-1 is gone', 'interface eni-1 is gone']));
  });
});
