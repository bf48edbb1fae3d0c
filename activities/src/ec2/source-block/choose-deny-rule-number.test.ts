import type { NetworkAclEntry } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';

import { chooseDenyRuleNumber } from './choose-deny-rule-number';

const CIDR = '203.0.113.7/32';

function rule(RuleNumber: number, RuleAction: 'allow' | 'deny', CidrBlock = '0.0.0.0/0', Protocol = '-1'): NetworkAclEntry {
  return { RuleNumber, RuleAction, CidrBlock, Protocol, Egress: false };
}

const DEFAULT_ACL = [rule(100, 'allow'), rule(32767, 'deny')];

describe('chooseDenyRuleNumber', () => {
  it('takes 1 on an ACL with only the usual allow-all at 100', () => {
    expect(chooseDenyRuleNumber(DEFAULT_ACL, CIDR)).toEqual({ kind: 'new', ruleNumber: 1 });
  });

  it('takes the lowest number not in use, whatever the other entries are', () => {
    const entries = [rule(1, 'deny'), rule(2, 'deny', '198.51.100.0/24'), rule(4, 'allow', '10.0.0.0/8'), ...DEFAULT_ACL];
    expect(chooseDenyRuleNumber(entries, CIDR)).toEqual({ kind: 'new', ruleNumber: 3 });
  });

  it('reuses an effective deny of the same source, even written with host bits or another number', () => {
    expect(chooseDenyRuleNumber([rule(7, 'deny', '203.0.113.7/32'), ...DEFAULT_ACL], CIDR)).toEqual({ kind: 'existing', ruleNumber: 7 });
    expect(chooseDenyRuleNumber([rule(9, 'deny', '198.51.100.9/24'), ...DEFAULT_ACL], '198.51.100.0/24')).toEqual({
      kind: 'existing',
      ruleNumber: 9,
    });
  });

  it('does not count a deny that an allow rule shadows, nor a deny of one protocol only', () => {
    const shadowed = [rule(50, 'allow'), rule(60, 'deny', CIDR), rule(32767, 'deny')];
    expect(chooseDenyRuleNumber(shadowed, CIDR)).toEqual({ kind: 'new', ruleNumber: 1 });
    const tcpOnly = [rule(1, 'deny', CIDR, '6'), ...DEFAULT_ACL];
    expect(chooseDenyRuleNumber(tcpOnly, CIDR)).toEqual({ kind: 'new', ruleNumber: 2 });
  });

  it('skips the numbers other blocks hold before their entries are in EC2, but still reuses a deny already there', () => {
    expect(chooseDenyRuleNumber(DEFAULT_ACL, CIDR, new Set([1, 2, 4]))).toEqual({ kind: 'new', ruleNumber: 3 });
    expect(chooseDenyRuleNumber([rule(7, 'deny', CIDR), ...DEFAULT_ACL], CIDR, new Set([7]))).toEqual({ kind: 'existing', ruleNumber: 7 });
    expect(chooseDenyRuleNumber([rule(2, 'allow')], CIDR, new Set([1]))).toEqual({ kind: 'none', lowestAllow: 2 });
  });

  it('gives up when no number below the first allow is free', () => {
    const entries = [rule(1, 'deny', '198.51.100.1/32'), rule(2, 'allow'), rule(32767, 'deny')];
    expect(chooseDenyRuleNumber(entries, CIDR)).toEqual({ kind: 'none', lowestAllow: 2 });
    expect(chooseDenyRuleNumber([rule(1, 'allow')], CIDR)).toEqual({ kind: 'none', lowestAllow: 1 });
  });

  it('has the whole range when the ACL allows nothing', () => {
    expect(chooseDenyRuleNumber([rule(32767, 'deny')], CIDR)).toEqual({ kind: 'new', ruleNumber: 1 });
  });
});
