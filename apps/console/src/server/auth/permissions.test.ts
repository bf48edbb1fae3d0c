import { StaffRole } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { can, type Permission } from './permissions';

const table: Record<Permission, StaffRole[]> = {
  'incidents:read': ['viewer', 'manager', 'on-call', 'administrator'],
  'incidents:declare': ['on-call', 'administrator'],
  'incidents:close': ['on-call', 'administrator'],
  'decisions:take': ['on-call', 'administrator'],
  'links:revoke': ['on-call', 'administrator'],
  'directory:read': ['manager', 'on-call', 'administrator'],
  'directory:write': ['administrator'],
  'policy:read': ['manager', 'on-call', 'administrator'],
  'policy:write': ['administrator'],
  'reports:export': ['manager', 'on-call', 'administrator'],
  'users:manage': ['administrator'],
  'security-settings:manage': ['administrator'],
  'audit:read': ['administrator'],
};

describe('role grants', () => {
  for (const [permission, roles] of Object.entries(table) as Array<[Permission, StaffRole[]]>) {
    it(`${permission}: only ${roles.join(', ')}`, () => {
      expect(StaffRole.options.filter((role) => can(role, permission))).toEqual(StaffRole.options.filter((r) => roles.includes(r)));
    });
  }
});
