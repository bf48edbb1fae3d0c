import type { Instance, NetworkInterface, SecurityGroup } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';

import { assessCleanEnvironment } from './clean-environment-health';
import { cleanFirewallRules, toIpPermission } from './clean-firewall-rules';

const expectedRules = cleanFirewallRules({
  applicationKind: 'files',
  applicationHostCidr: '203.0.113.20/32',
  allowListedSources: ['192.0.2.0/28'],
});
const firewall: SecurityGroup = { GroupId: 'sg-clean', IpPermissions: expectedRules.map(toIpPermission) };
const instance = (id: string, extra: Partial<Instance> = {}): Instance => ({
  InstanceId: id,
  State: { Name: 'running' },
  MetadataOptions: { HttpTokens: 'required' },
  ...extra,
});
const eni = (id: string, instanceId: string, groups = ['sg-clean']): NetworkInterface => ({
  NetworkInterfaceId: id,
  Attachment: { InstanceId: instanceId },
  Groups: groups.map((GroupId) => ({ GroupId })),
});
const healthy = {
  expectedInstances: 2,
  expectedRules,
  firewall,
  instances: [instance('i-1'), instance('i-2')],
  interfaces: [eni('eni-1', 'i-1'), eni('eni-2', 'i-2')],
};

describe('assessCleanEnvironment', () => {
  it('has no finding for an environment as built', () => {
    expect(assessCleanEnvironment(healthy)).toEqual([]);
  });

  it('reports a port-22 rule both as port 22 and as something extra', () => {
    const opened = {
      ...firewall,
      IpPermissions: [...firewall.IpPermissions!, { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    };
    expect(assessCleanEnvironment({ ...healthy, firewall: opened })).toEqual([
      'firewall sg-clean opens port 22 (tcp 22-22)',
      'firewall sg-clean allows tcp/22-22/0.0.0.0/0, which is not in the documented rule set',
    ]);
  });

  it('reports a lost rule, a stopped instance, IMDSv1, a missing instance and a foreign group', () => {
    const findings = assessCleanEnvironment({
      ...healthy,
      expectedInstances: 3,
      firewall: { ...firewall, IpPermissions: firewall.IpPermissions!.slice(1) },
      instances: [instance('i-1', { State: { Name: 'stopped' } }), instance('i-2', { MetadataOptions: { HttpTokens: 'optional' } })],
      interfaces: [eni('eni-1', 'i-1'), eni('eni-2', 'i-2', ['sg-clean', 'sg-other'])],
    });
    expect(findings).toEqual([
      '2 clean instances found, 3 expected',
      'instance i-1 is stopped, not running',
      'instance i-2 no longer requires IMDSv2 (HttpTokens optional)',
      'interface eni-2 is in groups [sg-clean, sg-other], not only the clean firewall',
      'firewall sg-clean lost the rule tcp/33001-33001/0.0.0.0/0',
    ]);
  });

  it('reports a missing firewall and an instance without an interface', () => {
    expect(assessCleanEnvironment({ ...healthy, firewall: undefined, interfaces: [eni('eni-1', 'i-1')] })).toEqual([
      'interface eni-1 is in groups [sg-clean], not only the clean firewall',
      'instance i-2 has no network interface to check',
      'the clean firewall group does not exist',
    ]);
  });
});
