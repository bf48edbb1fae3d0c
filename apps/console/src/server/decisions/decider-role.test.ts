import { describe, expect, it } from 'vitest';

import { deciderRoleOf } from './decider-role';

describe('deciderRoleOf', () => {
  it.each([
    ['administrator', 'administrator'],
    ['on-call', 'on-call'],
    ['contact', 'contact'],
  ] as const)('lets the %s role decide as %s', (role, decider) => {
    expect(deciderRoleOf(role)).toBe(decider);
  });

  it.each(['manager', 'viewer'] as const)('gives the %s role no decisions', (role) => {
    expect(deciderRoleOf(role)).toBeUndefined();
  });
});
