import { describe, expect, it } from 'vitest';

import { transferFirewallRules } from './transfer-firewall';

describe('transferFirewallRules', () => {
  const base = { applicationHostCidr: '198.51.100.10/32', sshAllowList: ['192.0.2.0/28'] };

  it('opens transfers to all, the node API to the application host, SSH on 3001 to the allow-list', () => {
    const rules = transferFirewallRules({ ...base, applicationKind: 'faspex' });
    const summary = rules.map((r) => [r.IpProtocol, r.FromPort, r.IpRanges?.map((x) => x.CidrIp)]);
    expect(summary).toEqual([
      ['tcp', 33001, ['0.0.0.0/0']],
      ['udp', 33001, ['0.0.0.0/0']],
      ['tcp', 9092, ['198.51.100.10/32']],
      ['tcp', 3001, ['192.0.2.0/28']],
    ]);
  });

  it('uses 443 for the Files application', () => {
    const rules = transferFirewallRules({ ...base, applicationKind: 'files' });
    expect(rules.map((r) => r.FromPort)).toContain(443);
    expect(rules.map((r) => r.FromPort)).not.toContain(9092);
  });

  it('never opens port 22', () => {
    for (const applicationKind of ['faspex', 'shares', 'console', 'files'] as const) {
      for (const rule of transferFirewallRules({ ...base, applicationKind })) {
        expect(rule.FromPort! <= 22 && rule.ToPort! >= 22).toBe(false);
      }
    }
  });
});
