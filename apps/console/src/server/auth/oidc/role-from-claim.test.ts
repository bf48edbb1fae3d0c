import { describe, expect, it } from 'vitest';

import { roleFromClaim } from './role-from-claim';

const map = [
  ['firebreak-admins', 'administrator'],
  ['sre', 'on-call'],
  ['staff', 'viewer'],
] as const;

describe('roleFromClaim', () => {
  it('maps a single value or a list of values', () => {
    expect(roleFromClaim('sre', map)).toBe('on-call');
    expect(roleFromClaim(['unrelated', 'staff'], map)).toBe('viewer');
  });

  it('lets the mapping’s order decide between several matches', () => {
    expect(roleFromClaim(['staff', 'sre', 'firebreak-admins'], map)).toBe('administrator');
  });

  it('grants nothing for an absent, unmapped or oddly typed claim', () => {
    for (const claim of [undefined, null, 'SRE', ['other'], 42, { sre: true }, [['sre']]])
      expect(roleFromClaim(claim, map)).toBeUndefined();
  });
});
