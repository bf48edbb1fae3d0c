import { describe, expect, it } from 'vitest';

import {
  assertAllowedPort,
  cleanFirewallRules,
  expectedRuleKeys,
  extraPermissions,
  FirewallRuleError,
  missingRules,
  opensForbiddenPort,
  toIpPermission,
} from './clean-firewall-rules';

const base = { applicationHostCidr: '198.51.100.10/32', allowListedSources: ['192.0.2.64/28', '192.0.2.0/28'] };

describe('cleanFirewallRules', () => {
  it('allows transfers from anywhere, the node API from the application host, SSH on 3001 from the allow-list only', () => {
    const rules = cleanFirewallRules({ ...base, applicationKind: 'faspex' });
    expect(rules.map((r) => [r.protocol, r.port, r.cidr])).toEqual([
      ['tcp', 33001, '0.0.0.0/0'],
      ['udp', 33001, '0.0.0.0/0'],
      ['tcp', 9092, '198.51.100.10/32'],
      ['tcp', 3001, '192.0.2.0/28'],
      ['tcp', 3001, '192.0.2.64/28'],
    ]);
  });

  it('uses 443 for the Files application and never opens 22 for any application', () => {
    expect(cleanFirewallRules({ ...base, applicationKind: 'files' }).map((r) => r.port)).toEqual([33001, 33001, 443, 3001, 3001]);
    for (const applicationKind of ['faspex', 'shares', 'console', 'files'] as const) {
      const rules = cleanFirewallRules({ ...base, applicationKind });
      expect(rules.some((r) => opensForbiddenPort(toIpPermission(r)))).toBe(false);
    }
  });

  it('opens no SSH at all when nobody is allow-listed', () => {
    const rules = cleanFirewallRules({ ...base, allowListedSources: [], applicationKind: 'shares' });
    expect(rules.map((r) => r.port)).not.toContain(3001);
  });

  it('refuses a missing application host, and sources that would open a restricted port to all', () => {
    expect(() => cleanFirewallRules({ ...base, applicationHostCidr: undefined, applicationKind: 'faspex' })).toThrow(/no application host/);
    expect(() => cleanFirewallRules({ ...base, applicationHostCidr: '0.0.0.0/0', applicationKind: 'faspex' })).toThrow(FirewallRuleError);
    expect(() => cleanFirewallRules({ ...base, allowListedSources: ['0.0.0.0/0'], applicationKind: 'faspex' })).toThrow(/every source/);
    expect(() => cleanFirewallRules({ ...base, allowListedSources: ['192.0.2.300/28'], applicationKind: 'faspex' })).toThrow(
      /not an IPv4 CIDR/,
    );
  });
});

describe('assertAllowedPort', () => {
  it('rejects ports out of range and port 22', () => {
    for (const port of [0, -1, 65536, 70000, 3001.5]) expect(() => assertAllowedPort(port)).toThrow(/out of range/);
    expect(() => assertAllowedPort(22)).toThrow(/never opened/);
    for (const port of [1, 443, 3001, 9092, 33001, 65535]) expect(() => assertAllowedPort(port)).not.toThrow();
  });
});

describe('comparing a group with the expected rules', () => {
  const expected = cleanFirewallRules({ ...base, applicationKind: 'faspex' });

  it('finds nothing extra or missing in a group built from the rules', () => {
    const actual = expected.map(toIpPermission);
    expect(extraPermissions(actual, expected)).toEqual([]);
    expect(missingRules(actual, expected)).toEqual([]);
    expect(expectedRuleKeys(expected)).toContain('tcp/33001-33001/0.0.0.0/0');
  });

  it('splits a merged permission and names each extra source and the missing rules', () => {
    const actual = [
      { IpProtocol: 'tcp', FromPort: 3001, ToPort: 3001, IpRanges: [{ CidrIp: '192.0.2.0/28' }, { CidrIp: '0.0.0.0/0' }] },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-1' }] },
    ];
    expect(extraPermissions(actual, expected)).toEqual([
      { IpProtocol: 'tcp', FromPort: 3001, ToPort: 3001, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      { IpProtocol: '-1', FromPort: undefined, ToPort: undefined, UserIdGroupPairs: [{ GroupId: 'sg-1' }] },
    ]);
    expect(missingRules(actual, expected).map((r) => `${r.protocol}/${r.port}/${r.cidr}`)).toEqual([
      'tcp/33001/0.0.0.0/0',
      'udp/33001/0.0.0.0/0',
      'tcp/9092/198.51.100.10/32',
      'tcp/3001/192.0.2.64/28',
    ]);
  });

  it('recognises every way of opening port 22', () => {
    expect(opensForbiddenPort({ IpProtocol: '-1' })).toBe(true);
    expect(opensForbiddenPort({ IpProtocol: 'tcp', FromPort: 0, ToPort: 1024 })).toBe(true);
    expect(opensForbiddenPort({ IpProtocol: 'udp', FromPort: 22, ToPort: 22 })).toBe(true);
    expect(opensForbiddenPort({ IpProtocol: 'tcp', FromPort: 23, ToPort: 3001 })).toBe(false);
    expect(opensForbiddenPort({ IpProtocol: 'icmp', FromPort: -1, ToPort: -1 })).toBe(false);
  });
});
